#!/usr/bin/env python3
"""Generates week files for the benchmarks (standard library only).

    gen.py big N FILE        one week of about N items (points count as items), in the
                             shapes of examples/week44.yaml: key work, objectives, other, next week
    gen.py weeks N DIR       N weekly copies of examples/week44.yaml, one per week from 2014-01-07
    gen.py standup N FILE    a Markdown stand-up of N `### name` sections, for `weekly import`
"""
import datetime
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORDS = ("支付 系统 上线 研发 测试 评审 银行 账户 存管 风控 数据 监控 优化 方案 "
         "链路 治理 稳定性 容量 压测 报警 清算 对账 商户 进度 预计 完成 推进 沟通").split()


def sentence(rng, n):
    """A CJK-ish sentence of n words with the odd progress or due date."""
    text = "".join(rng.choice(WORDS) for _ in range(n))
    roll = rng.random()
    if roll < 0.2:
        text += f"，进度{rng.randint(1, 99)}%"
    elif roll < 0.3:
        text += f"，预计{rng.randint(1, 12)}/{rng.randint(1, 28)}上线"
    return text


def big(n, path):
    rng = random.Random(44)
    out = ["date: 2023-10-24", "created: 2023-11-29 20:54", "sections:"]
    count = 0
    per = max(1, n // 8)
    # key work: titled items with a lead sentence and three points
    out.append("- key_work:")
    while count < per * 2:
        out.append(f"  - title: {sentence(rng, 3)}")
        out.append(f"    text: {sentence(rng, 30)}")
        out.append("    points:")
        for _ in range(3):
            out.append(f"    - {sentence(rng, 40)}")
        count += 4
    out.append("- metrics:")
    out.append("    支付成功率:")
    out.append("    - 入金有效成功率：99.997%")
    out.append("    - 出金有效成功率：99.961% ，一次支付成功率：99.110%")
    objective = 1
    while count < per * 6:
        out.append(f"- objective: O{objective} {sentence(rng, 2)}")
        out.append("  items:")
        for _ in range(50):
            out.append(f"  - text: {sentence(rng, 8)}")
            out.append("    points:")
            for _ in range(3):
                out.append(f"    - {sentence(rng, 40)}")
            count += 4
        out.append("  incidents:")
        out.append(f"  - 10/23 14:36 {sentence(rng, 30)}")
        objective += 1
    out.append("- other:")
    while count < per * 7:
        out.append(f"  - {sentence(rng, 40)}")
        count += 1
    out.append("- next_week:")
    while count < n:
        out.append(f"  - {sentence(rng, 40)}")
        count += 1
    out.append("- daily:")
    out.append("  - 2023-10-23 周一_qi3PsKJNVzsJ6iEsufSJWN.md")
    pathlib.Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")


def weeks(n, folder):
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lines = (ROOT / "examples" / "week44.yaml").read_text(encoding="utf-8").splitlines()
    day = datetime.date(2014, 1, 7)
    for i in range(n):
        body = [f"date: {day.isoformat()}" if l.startswith("date:") else l for l in lines]
        (folder / f"{day.isoformat()}.yaml").write_text("\n".join(body) + "\n", encoding="utf-8")
        day += datetime.timedelta(days=7)


def standup(n, path):
    """A Markdown stand-up of n `### name` sections, each a Done and a Next list: import renders
    every section back, so this times the per-section cost."""
    out = ["# Stand-up 2024-03-07", ""]
    for i in range(n):
        out += [f"### person{i}", "", "- Done:", f"    - fixed bug {i} in the parser",
                "- Next:", f"    - review PR {i + 1}", ""]
    pathlib.Path(path).write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    kinds = {"big": big, "weeks": weeks, "standup": standup}
    if len(sys.argv) != 4 or sys.argv[1] not in kinds:
        sys.exit(__doc__)
    kinds[sys.argv[1]](int(sys.argv[2]), sys.argv[3])

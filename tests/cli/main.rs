//! The end-to-end tests, one binary with a module per topic (as mdBook's and just's are): each
//! module runs `weekly` and snapshots whole runs; `common` holds the shared helpers.

mod common;

mod bad_input;
mod browser;
mod check;
mod commonmark;
mod commonmark_spec;
mod config;
mod first_week;
mod folders;
mod import;
mod import_agenda;
mod import_folders;
mod import_forms;
mod import_groups;
mod import_laws;
mod import_minutes;
mod import_newsletters;
mod import_people;
mod import_prose;
mod import_real;
mod import_shapes;
mod import_words;
mod json;
mod mail;
mod merge;
mod merge_people;
mod messages;
mod metric_lines;
mod new;
mod properties;
mod render;
mod risks_tables;
mod ritual;
mod rollup;
mod safety;
mod schema;
mod show_targets;
mod trend;
mod units;
mod watch;
mod yaml_errors;
mod yaml_errors_zh;

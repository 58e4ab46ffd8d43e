//! The model version is stated in three places: the code
//! (`model::VERSION`, which links and exports carry), CITATION.cff and
//! CHANGELOG.md. These tests keep them from drifting apart: a version bump
//! must come with its changelog entry and its citation.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::model::VERSION;
use red_lines::state::version::is_version;
use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path} is readable: {e}"))
}

/// A top-level `key: value` of CITATION.cff, without quotes. The file is
/// plain enough that a line scan reads it; nested keys are indented and so
/// never match.
fn citation(key: &str) -> String {
    let text = read("CITATION.cff");
    let prefix = format!("{key}:");
    let line = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("CITATION.cff has no top-level {key}"));
    line[prefix.len()..].trim().trim_matches('"').to_owned()
}

/// The `## [version] - date` headings of CHANGELOG.md, newest first. An
/// `## [Unreleased]` section on top (Keep a Changelog) collects changes
/// that come with no model version, such as wording, and is not a release.
fn changelog_releases() -> Vec<(String, String)> {
    read("CHANGELOG.md")
        .lines()
        .filter(|l| l.trim() != "## [Unreleased]")
        .filter_map(|l| l.strip_prefix("## ["))
        .map(|rest| {
            let (version, date) = rest
                .split_once("] - ")
                .unwrap_or_else(|| panic!("heading `## [{rest}` is not `## [version] - date`"));
            (version.to_owned(), date.trim().to_owned())
        })
        .collect()
}

#[test]
fn the_model_version_is_a_plain_version_number() {
    assert!(is_version(VERSION), "{VERSION}");
    assert_eq!(VERSION.split('.').count(), 3, "major.minor.patch");
}

#[test]
fn citation_states_the_model_version() {
    assert_eq!(citation("cff-version"), "1.2.0");
    assert_eq!(citation("version"), VERSION, "CITATION.cff version");
    for key in ["message", "title", "type", "license", "abstract"] {
        assert!(!citation(key).is_empty(), "CITATION.cff {key} is empty");
    }
    assert!(
        read("CITATION.cff").contains("authors:\n  - name: "),
        "CITATION.cff names its authors"
    );
}

#[test]
fn the_changelog_opens_with_the_model_version_released_on_the_citation_date() {
    let releases = changelog_releases();
    let Some((newest, date)) = releases.first() else {
        panic!("CHANGELOG.md has no `## [version] - date` heading");
    };
    assert_eq!(newest, VERSION, "the newest changelog entry");
    assert_eq!(date, &citation("date-released"), "release date");
    for (version, date) in &releases {
        assert!(is_version(version), "changelog version {version}");
        let digits: Vec<&str> = date.split('-').collect();
        assert!(
            digits.len() == 3 && digits.iter().all(|d| d.parse::<u32>().is_ok()),
            "{version}: date {date} is YYYY-MM-DD"
        );
    }
    let dates: Vec<&String> = releases.iter().map(|(_, d)| d).collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
}

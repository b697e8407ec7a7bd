//! Time words (T1): a changed day, month or season, and the same time in
//! other words or inflections.

use super::check;
use crate::Lang::*;

#[test]
fn changed_times_are_found() {
    check(&[
        (
            (De, "Die Arbeiten beginnen im Frühjahr am Hafen."),
            (En, "The works at the port begin in autumn."),
            &["T1"],
            &[],
        ),
        (
            (Bg, "Министърът посети завода в понеделник."),
            (De, "Der Minister besuchte das Werk am Dienstag."),
            &["T1"],
            &[],
        ),
    ]);
}

#[test]
fn the_same_time_in_other_forms_is_not_flagged() {
    check(&[
        (
            (De, "Die Arbeiten beginnen im Frühling am Hafen."),
            (Bg, "Работата в пристанището започва през пролетта."),
            &[],
            &["T1"],
        ),
        (
            (En, "The works at the port begin in the fall."),
            (De, "Die Arbeiten am Hafen beginnen im Herbst."),
            &[],
            &["T1"],
        ),
        // The night before a day.
        (
            (De, "Die Party fand in der Nacht zum Sonntag im Park statt."),
            (En, "The party took place in the park on Saturday night."),
            &[],
            &["T1"],
        ),
        // "may" the modal and "fall" the verb are no times.
        (
            (En, "Prices may fall in winter."),
            (De, "Die Preise könnten im Winter sinken."),
            &[],
            &["T1"],
        ),
    ]);
}

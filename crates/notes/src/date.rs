//! Calendar dates as `YYYY-MM-DD` strings (what `<input type="date">` gives), and
//! timestamps shown in the reader's time zone. Written out because the crate needs
//! only these three conversions, not a date library in the wasm bundle.

/// True for a real calendar date written `YYYY-MM-DD` (years 1000–9999). Such strings
/// sort in date order, so follow-ups are compared as strings.
pub fn is_valid_date(text: &str) -> bool {
    parse_date(text).is_some()
}

/// `(year, month, day)` of a valid `YYYY-MM-DD` date.
fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    if year < 1000 || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year as i64, month) {
        return None;
    }
    Some((year as i64, month, day))
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Splits a timestamp into local (day count, minute of day) for a zone `utc_offset_minutes`
/// east of UTC (China: +480; JavaScript's `getTimezoneOffset()` is the negation).
fn local_day_and_minute(ms: i64, utc_offset_minutes: i32) -> (i64, i64) {
    let local_minutes = ms.div_euclid(60_000) + i64::from(utc_offset_minutes);
    (
        local_minutes.div_euclid(1440),
        local_minutes.rem_euclid(1440),
    )
}

/// The local calendar date of a timestamp, `YYYY-MM-DD` — "today" for due follow-ups.
pub fn local_date(ms: i64, utc_offset_minutes: i32) -> String {
    let (days, _) = local_day_and_minute(ms, utc_offset_minutes);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `YYYY-MM-DD HH:MM` in the reader's zone, for "last changed" columns and labels.
pub fn local_date_time(ms: i64, utc_offset_minutes: i32) -> String {
    let (days, minute) = local_day_and_minute(ms, utc_offset_minutes);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        minute / 60,
        minute % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_real_dates_only() {
        assert!(is_valid_date("2024-02-29"));
        assert!(is_valid_date("2000-02-29"));
        assert!(!is_valid_date("1900-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2024-13-01"));
        assert!(!is_valid_date("2024-04-31"));
        assert!(!is_valid_date("2024-4-01"));
        assert!(!is_valid_date("２０２４-01-01"));
        assert!(!is_valid_date("2024-01-01T00"));
        assert!(!is_valid_date(""));
        assert!(!is_valid_date("+024-01-01"));
    }

    #[test]
    fn formats_in_the_given_zone() {
        // 2024-06-30T16:30:00Z is already 1 July in Beijing.
        let ms = 1_719_765_000_000;
        assert_eq!(local_date(ms, 0), "2024-06-30");
        assert_eq!(local_date(ms, 480), "2024-07-01");
        assert_eq!(local_date_time(ms, 480), "2024-07-01 00:30");
        assert_eq!(local_date_time(0, 0), "1970-01-01 00:00");
        assert_eq!(local_date_time(-60_000, 0), "1969-12-31 23:59");
    }

    #[test]
    fn every_day_of_a_leap_cycle_round_trips() {
        // 1970-01-01 + n days formatted, then parsed back, is a valid date in order.
        let mut previous = String::new();
        for day in 0..(366 * 4 + 10) {
            let date = local_date(day * 86_400_000, 0);
            assert!(is_valid_date(&date), "{date}");
            assert!(date > previous);
            previous = date;
        }
        assert_eq!(previous, "1974-01-13");
    }
}

#ifndef GLN_FHIR_DATE_HPP
#define GLN_FHIR_DATE_HPP

// Calendar dates as FHIR writes them (date, dateTime, instant), for the screening date, ages,
// weight ages and procedure windows (knowledge.md §2b). A dateTime with a zone may be either of
// two days: the day it was written on and its day in UTC (the screening date's zone), so its
// partial_date spans both and a comparison that cannot tell reads the stricter way.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace gln {
namespace fhir {

// A day of the proleptic Gregorian calendar.
struct date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  friend bool operator==(const date& a, const date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const date& a, const date& b) { return !(a == b); }
  friend bool operator<(const date& a, const date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const date& a, const date& b) { return !(b < a); }
  friend bool operator>(const date& a, const date& b) { return b < a; }
  friend bool operator>=(const date& a, const date& b) { return !(a < b); }
};

// A FHIR date that may give only a year or a year and month: the first and last day it allows.
struct partial_date {
  date earliest;
  date latest;
  bool complete = false;  // a full year-month-day
};

namespace detail {

inline bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

inline int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

// Digits [from, from + count) of text as a number, or -1.
inline int digits_at(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return -1;
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    const char ch = text[i];
    if (ch < '0' || ch > '9') return -1;
    value = value * 10 + (ch - '0');
  }
  return value;
}

// The day before (-1), the same (0) or the day after (1).
inline date add_days(const date& d, int shift) {
  date out = d;
  if (shift > 0) {
    if (++out.day > days_in_month(out.year, out.month)) {
      out.day = 1;
      if (++out.month > 12) {
        out.month = 1;
        ++out.year;
      }
    }
  } else if (shift < 0) {
    if (--out.day < 1) {
      if (--out.month < 1) {
        out.month = 12;
        --out.year;
      }
      out.day = days_in_month(out.year, out.month);
    }
  }
  return out;
}

}  // namespace detail

// Reads YYYY, YYYY-MM, YYYY-MM-DD, or a dateTime/instant starting with YYYY-MM-DDT. Anything
// else (another shape, a month 13, a 30 February) has no value.
inline std::optional<partial_date> parse_partial_date(std::string_view text) {
  const int year = detail::digits_at(text, 0, 4);
  if (year < 1) return std::nullopt;
  partial_date out{};
  if (text.size() == 4) {
    out.earliest = date{year, 1, 1};
    out.latest = date{year, 12, 31};
    return out;
  }
  if (text[4] != '-') return std::nullopt;
  const int month = detail::digits_at(text, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  if (text.size() == 7) {
    out.earliest = date{year, month, 1};
    out.latest = date{year, month, detail::days_in_month(year, month)};
    return out;
  }
  if (text.size() < 10 || text[7] != '-') return std::nullopt;
  const int day = detail::digits_at(text, 8, 2);
  if (day < 1 || day > detail::days_in_month(year, month)) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T') return std::nullopt;
  out.earliest = out.latest = date{year, month, day};
  out.complete = true;
  // hh:mm... and a zone (Z or +hh:mm / -hh:mm): the UTC day may be the day before or after.
  const int hours = detail::digits_at(text, 11, 2);
  const int minutes = detail::digits_at(text, 14, 2);
  if (text.size() > 16 && hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 &&
      text[13] == ':') {
    const std::size_t sign = text.find_last_of("+-");
    int offset = 0;
    if (sign != std::string_view::npos && sign > 16 && sign + 6 == text.size() &&
        text[sign + 3] == ':') {
      const int zone_hours = detail::digits_at(text, sign + 1, 2);
      const int zone_minutes = detail::digits_at(text, sign + 4, 2);
      if (zone_hours < 0 || zone_hours > 14 || zone_minutes < 0 || zone_minutes > 59) return out;
      offset = (text[sign] == '-' ? -1 : 1) * (zone_hours * 60 + zone_minutes);
    } else if (text.back() != 'Z') {
      return out;  // no zone: the day as written
    }
    const int utc_minutes = hours * 60 + minutes - offset;
    const int shift = utc_minutes < 0 ? -1 : utc_minutes >= 24 * 60 ? 1 : 0;
    const date utc = detail::add_days(out.earliest, shift);
    if (utc < out.earliest) out.earliest = utc;
    if (out.latest < utc) out.latest = utc;
  }
  return out;
}

// A full date (YYYY-MM-DD, or a dateTime's date part as written).
inline std::optional<date> parse_date(std::string_view text) {
  if (text.size() > 10) text = text.substr(0, text[10] == 'T' ? 10 : text.size());
  const auto read = parse_partial_date(text);
  if (!read || !read->complete) return std::nullopt;
  return read->earliest;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
inline std::int64_t days_from_civil(const date& d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t month = d.month;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Days from `from` to `to` (negative when `to` is earlier).
inline std::int64_t days_between(const date& from, const date& to) {
  return days_from_civil(to) - days_from_civil(from);
}

// Completed years from `born` to `on` (negative when `on` is before `born`).
inline int whole_years(const date& born, const date& on) {
  int years = on.year - born.year;
  if (on.month < born.month || (on.month == born.month && on.day < born.day)) --years;
  return years;
}

// "2026-11-30".
inline std::string to_string(const date& d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return out;
}

// Today's date in UTC.
inline date today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
#ifdef _WIN32
  gmtime_s(&parts, &now);
#else
  gmtime_r(&now, &parts);
#endif
  return date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

}  // namespace fhir
}  // namespace gln

#endif  // GLN_FHIR_DATE_HPP

// gln-check's command line (CLI11): builds a request from a profile file and the options,
// or answers JSON Lines on stdin with --batch. Requests are read by the JSON adapter's strict
// parser (gln/json/parse.hpp), the same for a --profile file and a --batch line.
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <limits>
#include <new>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <gln/json/parse.hpp>

#include "io.hpp"
#include "request.hpp"
#include "stream.hpp"
#include "text.hpp"

namespace gln_check {
namespace {

struct options {
  std::string profile_path, list, wrap, purpose, fail_on, audience = "professional";
  double age = 0, weight = 0, grams = 0, weeks = 0;
  int doses = 1;
  std::vector<std::string> conditions, medications, icd10;
  bool supervised = false, json = false, verbose = false, batch = false, compact = false,
       version = false, conditions_unknown = false, medications_unknown = false;
};

// A usage error: the message goes to stderr as one line, the exit code is 2.
struct usage_error {
  std::string message;
};

// The output could not be written: exit 1 with one line on stderr.
struct write_error {
  int error = 0;  // errno, where known
};

// Standard input could not be read after `lines` whole lines: exit 1 with one line on stderr.
struct read_error {
  int error = 0;  // errno
  std::size_t lines = 0;
};

// A request is a few hundred bytes; the limit keeps a wrong path (a device, a huge file)
// or a runaway input line from eating memory.
constexpr std::size_t max_request_bytes = gln::request_parser::default_max_bytes;

// CLI11 validators, run on each value (after a --condition list is split at commas).
CLI::Validator number_check() {
  return CLI::Validator(
      [](std::string& text) {
        return parse_number(text) ? std::string{} : quote(text) + " " + number_problem(text, false);
      },
      "", "number");
}

CLI::Validator count_check() {
  return CLI::Validator(
      [](std::string& text) {
        const std::optional<int> count = parse_count(text);
        if (!count) return quote(text) + " " + number_problem(text, true);
        text = std::to_string(*count);  // "2.0" as CLI11 reads an int
        return std::string{};
      },
      "", "whole number");
}

// Trims the name (as the JSON reader does) and checks it is one of E's.
template <class E>
CLI::Validator name_check(std::string_view what) {
  return CLI::Validator(
      [what](std::string& text) {
        text = std::string(gln::detail::trim_name(text));
        return gln::parse<E>(text) ? std::string{} : unknown_name_message(what, text);
      },
      "", "name");
}

CLI::Validator icd10_check() {
  return CLI::Validator(
      [](std::string& text) {
        text = std::string(gln::detail::trim_name(text));
        if (gln::icd10_lookup(text).status == gln::lookup_status::malformed) {
          return "malformed ICD-10-CM code " + quote(text);
        }
        return std::string{};
      },
      "", "code");
}

// Every verdict is suitable or worse: "--fail-on suitable" would fail every run.
CLI::Validator fail_on_check() {
  return CLI::Validator(
      [](std::string& text) {
        if (text != "suitable") return std::string{};
        return quote(text) + " would fail every run: give caution, clinician_only or avoid";
      },
      "", "VERDICT");
}

CLI::Validator audience_check() {
  return CLI::Validator(
      [](std::string& text) {
        text = std::string(gln::detail::trim_name(text));
        if (text == "professional" || text == "patient") return std::string{};
        return quote(text) + " is not one of professional, patient";
      },
      "", "WHO");
}

CLI::Validator list_check() {
  return CLI::Validator(
      [](std::string& text) {
        for (const char* what :
             {"purposes", "conditions", "medications", "oversight", "verdicts"}) {
          if (text == what) return std::string{};
        }
        return quote(text) +
               " is not one of purposes, conditions, medications, oversight, verdicts";
      },
      "", "WHAT");
}

template <class E>
E parsed_name(const std::string& text) {
  return *gln::parse<E>(text);  // checked by name_check
}

void configure(CLI::App& app, options& o) {
  app.description(
      "Screens a person for L-glutamine for one purpose: what to do (the action), why (each\n"
      "finding with the input that made it fire and its sources), the dose to show if any, the\n"
      "evidence grade and the trial plan. Not medical advice.");
  auto* profile = app.add_option("--profile", o.profile_path,
                                 "JSON request file (as a --batch line); the options below add "
                                 "to it")
                      ->type_name("FILE");
  auto* age =
      app.add_option("--age", o.age, "age in years")->type_name("YEARS")->check(number_check());
  auto* weight = app.add_option("--weight", o.weight, "body weight in kg")
                     ->type_name("KG")
                     ->check(number_check());
  auto* conditions =
      app.add_option("--condition", o.conditions, "a condition (repeatable or comma-separated)")
          ->delimiter(',')
          ->type_name("NAME")
          ->transform(name_check<gln::condition>("condition"));
  auto* medications =
      app.add_option("--medication", o.medications, "a medication class (repeatable)")
          ->delimiter(',')
          ->type_name("NAME")
          ->transform(name_check<gln::medication>("medication"));
  auto* icd10 = app.add_option("--icd10", o.icd10,
                               "an ICD-10-CM code (repeatable); malformed codes are errors, "
                               "unmapped ones are listed")
                    ->delimiter(',')
                    ->type_name("CODE")
                    ->transform(icd10_check());
  // Unknown is not none (docs/knowledge.md §4): without these, no --condition means none.
  auto* conditions_unknown =
      app.add_flag("--conditions-unknown", o.conditions_unknown,
                   "the person's conditions are not known (a request's \"conditions\": null)")
          ->excludes(conditions, icd10);
  auto* medications_unknown =
      app.add_flag("--medications-unknown", o.medications_unknown,
                   "the person's medications are not known (a request's \"medications\": null)")
          ->excludes(medications);
  auto* supervised = app.add_flag("--supervised", o.supervised, "a clinician supervises the use");
  auto* purpose =
      app.add_option("--purpose", o.purpose, "why glutamine (required unless in --profile)")
          ->type_name("NAME")
          ->transform(name_check<gln::purpose>("purpose"));
  auto* grams = app.add_option("--grams", o.grams, "regimen to check: grams per dose")
                    ->type_name("GRAMS")
                    ->check(number_check());
  auto* doses = app.add_option("--doses", o.doses, "regimen: doses per day (default 1)")
                    ->type_name("N")
                    ->transform(count_check());
  auto* weeks = app.add_option("--weeks", o.weeks, "regimen: planned weeks")
                    ->type_name("WEEKS")
                    ->check(number_check());
  auto* json =
      app.add_flag("--json", o.json, "print the result as JSON (each finding with both texts)");
  auto* audience =
      app.add_option("--audience", o.audience,
                     "whose texts the report shows: professional (default: rule ids, reasons, "
                     "causes, sources) or patient (plain language)")
          ->type_name("WHO")
          ->check(audience_check());
  app.add_flag("-v,--verbose", o.verbose, "add the full text of every cited source");
  auto* fail_on =
      app.add_option("--fail-on", o.fail_on,
                     "exit 3 when the verdict is this level or worse (caution, clinician_only, "
                     "avoid)")
          ->type_name("VERDICT")
          ->transform(name_check<gln::verdict>("verdict"))
          ->check(fail_on_check());
  auto* batch = app.add_flag("--batch", o.batch,
                             "read JSON Lines requests on stdin, write one JSON result per line");
  batch->excludes(profile, age, weight, conditions, medications, icd10, conditions_unknown,
                  medications_unknown, supervised, purpose, grams, doses, weeks, fail_on);
  // The JSON carries both texts of every finding (reason, patient_text): a reader picks.
  audience->excludes(json, batch);
  app.add_flag("--compact", o.compact,
               "with --batch: answer each line with {\"id\", \"action\", \"overall\", "
               "\"rules\"} only (the fired rule ids)")
      ->needs(batch)
      ->excludes("--verbose");
  app.add_option("--wrap", o.wrap,
                 "with --batch: write each answer as {\"KEY\": \"<answer as a JSON string>\"} "
                 "(a ClickHouse JSONEachRow UDF with return_name KEY)")
      ->type_name("KEY")
      ->needs(batch);
  auto* list_names =
      app.add_option("--list", o.list,
                     "print the names of: purposes, conditions, medications, oversight, verdicts")
          ->type_name("WHAT")
          ->check(list_check());
  auto* version = app.add_flag("--version", o.version, "print the gln and knowledge-base versions");
  // Each answers alone: beside a request (--batch, --fail-on) it would answer in its place, and
  // exit 0 where the request would have failed a gate.
  for (CLI::Option* other : app.get_options()) {
    if (other == list_names || other == version || other == app.get_help_ptr()) continue;
    list_names->excludes(other);
    version->excludes(other);
  }
  version->excludes(list_names);
}

// CLI11 reads "-v-supervised" as the short option -v followed by "--supervised", and
// "-v-batch" as -v --batch: a dash inside a group of short options turns its rest into a long
// option. gln-check refuses such an argument instead (a negative number is a value, not one).
std::optional<std::string> dash_in_short_group(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.size() < 3 || arg[0] != '-' || arg[1] == '-') continue;
    if ((arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.') continue;
    if (arg.find('-', 1) != std::string::npos) return arg;
  }
  return std::nullopt;
}

// CLI11 drops the empty items of a comma-separated list ("cirrhosis,,pregnancy" reads as two
// names, "--condition ," as none, after which it takes the next option as the value): a
// list with an empty or blank item is refused instead, so a typo never shortens a person's
// list.
bool has_empty_item(std::string_view list) {
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    const std::string_view item = list.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (item.find_first_not_of(" \t") == std::string_view::npos) return true;  // blank
    if (comma == std::string_view::npos) return false;
    start = comma + 1;
  }
}

std::optional<std::string> empty_list_item(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    for (const std::string_view option : {"--condition", "--medication", "--icd10"}) {
      std::optional<std::string_view> value;
      const std::string_view arg = args[i];
      if (arg == option && i + 1 < args.size()) value = args[i + 1];
      if (arg.size() > option.size() && arg.substr(0, option.size()) == option &&
          arg[option.size()] == '=') {
        value = arg.substr(option.size() + 1);
      }
      if (value && has_empty_item(*value)) {
        return std::string(option) + ": " + quote(std::string(*value)) +
               " has an empty item (give each name once, separated by single commas)";
      }
    }
  }
  return std::nullopt;
}

template <class E>
void list_names(std::ostream& out) {
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    out << gln::to_string(static_cast<E>(i)) << '\n';
  }
}

void list(std::string_view what, std::ostream& out) {
  if (what == "purposes") list_names<gln::purpose>(out);
  if (what == "conditions") list_names<gln::condition>(out);
  if (what == "medications") list_names<gln::medication>(out);
  if (what == "oversight") list_names<gln::oversight>(out);
  if (what == "verdicts") list_names<gln::verdict>(out);
}

// Flushes and checks: every write of the tool ends here.
void flush_or_throw(std::ostream& out) {
  out.flush();
  if (!out) throw write_error{errno};
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw usage_error{"--profile: cannot open " + quote_path(path)};
  std::string text(max_request_bytes + 1, '\0');
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (file.bad()) throw usage_error{"--profile: cannot read " + quote_path(path)};
  text.resize(static_cast<std::size_t>(file.gcount()));
  if (text.size() > max_request_bytes) {
    throw usage_error{"--profile: " + quote_path(path) + " is larger than 1 MiB"};
  }
  return text;
}

// The request of a single (not --batch) run: the profile file first, then the options.
gln::request build_request(const CLI::App& app, const options& o) {
  const auto given = [&app](const char* name) { return app.count(name) > 0; };
  gln::request req{};
  if (given("--profile")) {
    gln::request_parser parser;
    if (auto error = parser.parse(read_file(o.profile_path), req)) {
      throw usage_error{"--profile " + quote_path(o.profile_path) + ": " +
                        std::string(error->text())};
    }
  }
  if (given("--age")) req.person.age_years = o.age;
  if (given("--weight")) req.person.weight_kg = gln::kilograms{o.weight};
  // A profile's null "conditions", "icd10" or "codes" makes its conditions unknown (a null
  // "codes" its medications too): a command line cannot add to what is not known.
  if ((!o.conditions.empty() || !o.icd10.empty()) && !req.person.conditions_known) {
    throw usage_error{
        "--condition and --icd10 cannot add to a --profile whose conditions are not known "
        "(its \"conditions\", \"icd10\" or \"codes\" is null)"};
  }
  if (!o.medications.empty() && !req.person.medications_known) {
    throw usage_error{
        "--medication cannot add to a --profile whose medications are not known (its "
        "\"medications\" or \"codes\" is null)"};
  }
  // Codes that map to a condition or a medication class are in person's sets; unmapped
  // condition codes are counted.
  if (o.conditions_unknown && req.person.conditions_known) {
    if (!req.person.conditions.empty() || req.person.unmapped_conditions > 0) {
      throw usage_error{
          "--conditions-unknown: the --profile lists conditions (by name or code); make its "
          "\"conditions\" null instead"};
    }
    req.conditions_null = true;
    req.person.conditions_known = false;
  }
  if (o.medications_unknown && req.person.medications_known) {
    if (!req.person.medications.empty()) {
      throw usage_error{
          "--medications-unknown: the --profile lists medications (by name or code); make its "
          "\"medications\" null instead"};
    }
    req.medications_null = true;
    req.person.medications_known = false;
  }
  for (const std::string& name : o.conditions) {
    req.person.conditions.insert(parsed_name<gln::condition>(name));
  }
  for (const std::string& name : o.medications) {
    req.person.medications.insert(parsed_name<gln::medication>(name));
  }
  for (const std::string& code : o.icd10) {
    if (auto error = gln::add_icd10(req, code, "--icd10")) {
      throw usage_error{std::string(error->text())};
    }
  }
  if (o.supervised) req.person.oversight = gln::oversight::clinician_supervised;
  if (given("--purpose")) req.purpose = parsed_name<gln::purpose>(o.purpose);
  if (!req.purpose) {
    throw usage_error{"--purpose is required (or a \"purpose\" in the --profile file)"};
  }

  if (given("--grams")) {
    if (req.plan) {
      req.plan->per_dose = gln::grams{o.grams};  // keeps the profile file's doses and weeks
    } else {
      req.plan = gln::regimen{gln::grams{o.grams}, 1, gln::nullopt};
    }
  } else if (!req.plan && (given("--doses") || given("--weeks"))) {
    // The profile file may hold the regimen these change, so CLI11's needs() cannot say this.
    throw usage_error{"--doses and --weeks need --grams"};
  }
  if (given("--doses")) req.plan->doses_per_day = o.doses;
  if (given("--weeks")) req.plan->weeks = o.weeks;
  return req;
}

// A read error of gln-check's own standard input (a checked_input); 0 for any other stream.
int input_error(const std::istream& in) {
  const auto* input = dynamic_cast<const checked_input*>(in.rdbuf());
  return input == nullptr ? 0 : input->error();
}

// Reads one line without its '\n' (nor a '\r' before it) into buffer, a view of it in `line`;
// false at the end of the input, and for the part of a line that a read error cut short (it is
// not the line that was sent). Of a line longer than max_request_bytes the rest is skipped and
// too_long is set. istream::getline finds the '\n' in the stream's buffer at once.
bool read_line(std::istream& in, std::string& buffer, std::string_view& line, bool& too_long) {
  too_long = false;
  line = {};
  if (!in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    if (in.bad() || in.eof() || in.gcount() == 0) return false;
    // failbit with bytes read: the line does not fit.
    in.clear();
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    too_long = true;
    return true;
  }
  std::size_t size = static_cast<std::size_t>(in.gcount());
  if (in.eof() && input_error(in) != 0) return false;
  if (!in.eof() && size > 0) --size;  // the '\n', counted but not stored
  line = {buffer.data(), size};
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // The buffer holds one byte more than a request, for the '\r' of a CRLF line.
  too_long = line.size() > max_request_bytes;
  return true;
}

// Lines done and lines/s on a terminal's stderr (\r-rewritten about twice a second, and a last
// line at the end); nothing when stderr is not a terminal.
class batch_progress {
 public:
  batch_progress(std::ostream& err, bool shown) : err_(err), shown_(shown) {}

  void line_done() {
    ++lines_;
    if (!shown_ || lines_ % 4096 != 0) return;
    const clock::time_point now = clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    print(false);
  }
  void end() {
    if (shown_) print(true);
  }

 private:
  using clock = std::chrono::steady_clock;

  void print(bool last) {
    const double seconds = std::chrono::duration<double>(clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(lines_) / seconds : 0.0;
    err_ << "\rgln-check: " << lines_ << " lines, " << static_cast<long long>(rate) << " lines/s"
         << (last ? "\n" : "") << std::flush;
  }

  std::ostream& err_;
  bool shown_;
  std::size_t lines_ = 0;
  clock::time_point start_ = clock::now();
  clock::time_point last_ = start_;
};

// Output is flushed once the input has no more bytes buffered (before a read that may wait) or
// 64 KiB are pending: a pipe reader that waits for an answer gets it at once, and a long input
// is written in large writes.
constexpr std::size_t flush_bytes = std::size_t{1} << 16;

// One output line per input line, in order, each written whole (a failed write cuts a regular
// file back to the last whole line). A bad line gives an error object on its own line and the
// batch goes on; so does a line that runs out of memory: its error line needs no allocation.
// The answers are written by answer_writer (RapidJSON), the bytes result_json would write.
int run_batch(const options& o, std::ostream& out, std::ostream& err, std::istream& in,
              bool err_is_terminal) {
  std::string buffer(max_request_bytes + 2, '\0');  // a request, a '\r' and getline's NUL
  std::string_view line;
  gln::request_parser parser;
  gln::request req;
  answer_writer writer;
  batch_progress progress(err, err_is_terminal);
  std::array<char, 4096> error_buffer{};
  std::size_t number = 0;
  std::size_t pending = 0;
  bool too_long = false;
  while (read_line(in, buffer, line, too_long)) {
    ++number;
    std::string_view answer;
    try {
      std::optional<gln::request_error> error;
      if (too_long) {
        error = gln::request_error{{}, "line longer than 1 MiB"};
      } else {
        error = parser.parse(line, req);
        if (!error && !req.purpose) error = gln::request_error{"purpose", "is required"};
      }
      if (error) {
        const std::string_view id = too_long ? std::string_view{"null"} : parser.id_of(line);
        answer = {error_buffer.data(),
                  error_line(error_buffer.data(), error_buffer.size(), id, number, *error)};
      } else {
        answer = o.compact ? writer.compact(req) : writer.full(req, o.verbose);
      }
    } catch (const std::bad_alloc&) {
      answer = {error_buffer.data(), error_line(error_buffer.data(), error_buffer.size(), "null",
                                                number, gln::request_error{{}, "out of memory"})};
    }
    if (!o.wrap.empty()) answer = writer.wrap(o.wrap, answer);
    out.write(answer.data(), static_cast<std::streamsize>(answer.size()));
    out.put('\n');
    pending += answer.size() + 1;
    if (pending >= flush_bytes || in.rdbuf()->in_avail() <= 0) {
      flush_or_throw(out);
      pending = 0;
    }
    progress.line_done();
  }
  flush_or_throw(out);
  progress.end();
  if (const int error = input_error(in)) {
    if (error == EISDIR) throw usage_error{"--batch: standard input is a directory"};
    if (error == EBADF) throw usage_error{"--batch: standard input is closed"};
    throw read_error{error, number};
  }
  return exit_ok;
}

int run_single(const options& o, const CLI::App& app, std::ostream& out) {
  const gln::request req = build_request(app, o);
  if (o.json) {
    out << result_json(req, 2, o.verbose) << '\n';
  } else {
    write_report(req, out, o.verbose,
                 o.audience == "patient" ? audience::patient : audience::professional);
  }
  flush_or_throw(out);
  if (app.count("--fail-on") > 0 &&
      gln::assess(req).overall >= parsed_name<gln::verdict>(o.fail_on)) {
    return exit_verdict_at_or_above;
  }
  return exit_ok;
}

int run_parsed(const CLI::App& app, const options& o, std::ostream& out, std::ostream& err,
               std::istream& in, bool err_is_terminal) {
  if (o.version) {
    out << "gln-check " << gln::version << "\nknowledge base v" << gln::knowledge_version
        << " (reviewed " << gln::knowledge_review_date << ")\n";
    flush_or_throw(out);
    return exit_ok;
  }
  if (app.count("--list") > 0) {
    list(o.list, out);
    flush_or_throw(out);
    return exit_ok;
  }
  // An empty key would make {"": ...}, which no JSONEachRow reader maps to a return column.
  if (app.count("--wrap") > 0 && o.wrap.empty()) throw usage_error{"--wrap: the key is empty"};
  // A key that is not UTF-8 would be written with U+FFFD in place of its bytes: another key.
  if (!valid_utf8(o.wrap)) throw usage_error{"--wrap: the key is not valid UTF-8"};
  // CLI11 takes "--wrap -v" as the key "-v" and drops the option: no column is named so.
  if (!o.wrap.empty() && o.wrap.front() == '-') {
    throw usage_error{"--wrap: " + quote(o.wrap) + " is an option, not a key (--wrap KEY)"};
  }
  if (o.batch) return run_batch(o, out, err, in, err_is_terminal);
  return run_single(o, app, out);
}

int write_failed(std::ostream& err, int error) {
  err << "gln-check: cannot write the output";
  if (error != 0) err << ": " << std::strerror(error);
  err << '\n' << std::flush;
  return exit_io_error;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, std::istream& in,
        bool err_is_terminal) {
  try {
    CLI::App app{"", "gln-check"};
    options o;
    configure(app, o);
    // CLI11 takes the arguments in reverse order; argv[0] is the program name.
    std::vector<std::string> args;
    for (int i = argc - 1; i >= 1 && argv != nullptr; --i)
      args.emplace_back(argv[i] != nullptr ? argv[i] : "");
    if (const auto bad = dash_in_short_group({args.rbegin(), args.rend()})) {
      throw usage_error{quote(*bad) +
                        ": unknown option (a group of short options is letters only: -hv)"};
    }
    if (auto bad = empty_list_item({args.rbegin(), args.rend()})) throw usage_error{*bad};
    try {
      app.parse(std::move(args));
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      flush_or_throw(out);
      return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
      out << app.help("", CLI::AppFormatMode::All);
      flush_or_throw(out);
      return exit_ok;
    } catch (const CLI::ValidationError& e) {
      err << "gln-check: " << one_line(e.what()) << '\n';
      return exit_usage;
    } catch (const CLI::ParseError& e) {
      err << "gln-check: " << one_line(e.what()) << " (see gln-check --help)\n";
      return exit_usage;
    }
    return run_parsed(app, o, out, err, in, err_is_terminal);
  } catch (const usage_error& e) {
    err << "gln-check: " << one_line(e.message) << '\n';
    return exit_usage;
  } catch (const write_error& e) {
    return write_failed(err, e.error);
  } catch (const read_error& e) {
    err << "gln-check: --batch: cannot read standard input "
        << (e.lines == 0 ? std::string("before the first line")
                         : "after line " + std::to_string(e.lines))
        << ": " << std::strerror(e.error) << " (no answer for the rest of the input)\n";
    return exit_io_error;
  } catch (const std::bad_alloc&) {
    err << "gln-check: out of memory\n";
    return exit_io_error;
  } catch (const std::exception& e) {
    err << "gln-check: internal error: " << one_line(e.what()) << '\n';
    return exit_io_error;
  } catch (...) {
    err << "gln-check: internal error\n";
    return exit_io_error;
  }
}

}  // namespace gln_check

// gln-check's command line (CLI11): builds a request from a profile file and the options,
// or answers JSON Lines on stdin with --batch.
#include <algorithm>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "request.hpp"
#include "text.hpp"

namespace gln_check {
namespace {

struct options {
  std::string age, weight, purpose, grams, doses, weeks, profile_path, fail_on, list, wrap;
  std::vector<std::string> conditions, medications, icd10;
  bool supervised = false, json = false, verbose = false, batch = false, version = false;
};

// A usage error: the message goes to stderr as one line, the exit code is 2.
struct usage_error {
  std::string message;
};

void configure(CLI::App& app, options& o) {
  app.description(
      "Screens a person for L-glutamine for one purpose: verdict, findings with their sources,\n"
      "dose guidance, evidence grade and trial plan. Not medical advice.");
  app.add_option("--profile", o.profile_path,
                 "JSON profile file (keys as a --batch line); the options below add to it")
      ->type_name("FILE");
  app.add_option("--age", o.age, "age in years")->type_name("YEARS");
  app.add_option("--weight", o.weight, "body weight in kg")->type_name("KG");
  app.add_option("--condition", o.conditions, "a condition (repeatable or comma-separated)")
      ->delimiter(',')
      ->type_name("NAME");
  app.add_option("--medication", o.medications, "a medication class (repeatable)")
      ->delimiter(',')
      ->type_name("NAME");
  app.add_option("--icd10", o.icd10, "an ICD-10-CM code (repeatable); unknown codes are errors")
      ->delimiter(',')
      ->type_name("CODE");
  app.add_flag("--supervised", o.supervised, "a clinician supervises the use");
  app.add_option("--purpose", o.purpose, "why glutamine (required unless in --profile)")
      ->type_name("NAME");
  app.add_option("--grams", o.grams, "regimen to check: grams per dose")->type_name("GRAMS");
  app.add_option("--doses", o.doses, "regimen: doses per day (default 1)")->type_name("N");
  app.add_option("--weeks", o.weeks, "regimen: planned weeks")->type_name("WEEKS");
  app.add_flag("--json", o.json, "print the result as JSON");
  app.add_flag("-v,--verbose", o.verbose, "add the full text of every cited source");
  app.add_flag("--batch", o.batch,
               "read JSON Lines requests on stdin, write one JSON result per line");
  app.add_option("--wrap", o.wrap,
                 "with --batch: write each answer as {\"KEY\": \"<answer as a JSON string>\"} "
                 "(a ClickHouse JSONEachRow UDF with return_name KEY)")
      ->type_name("KEY");
  app.add_option("--fail-on", o.fail_on,
                 "exit 3 when the verdict is this level or worse (caution, clinician_only, avoid)")
      ->type_name("VERDICT");
  app.add_option("--list", o.list,
                 "print the names of: purposes, conditions, medications, oversight, verdicts")
      ->type_name("WHAT");
  app.add_flag("--version", o.version, "print the gln and knowledge-base versions");
}

template <class E>
void list_names(std::ostream& out) {
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    out << gln::to_string(static_cast<E>(i)) << '\n';
  }
}

bool list(std::string_view what, std::ostream& out) {
  if (what == "purposes") {
    list_names<gln::purpose>(out);
  } else if (what == "conditions") {
    list_names<gln::condition>(out);
  } else if (what == "medications") {
    list_names<gln::medication>(out);
  } else if (what == "oversight") {
    list_names<gln::oversight>(out);
  } else if (what == "verdicts") {
    list_names<gln::verdict>(out);
  } else {
    return false;
  }
  return true;
}

double number_option(std::string_view option, const std::string& text) {
  const auto value = parse_number(text);
  if (!value) throw usage_error{std::string(option) + ": " + quote(text) + " is not a number"};
  return *value;
}

template <class E>
E name_option(std::string_view option, std::string_view what, const std::string& text) {
  const auto value = gln::parse<E>(text);
  if (!value) throw usage_error{std::string(option) + ": " + unknown_name_message(what, text)};
  return *value;
}

// A request is a few hundred bytes; the limit keeps a wrong path (a device, a huge file)
// or a runaway input line from eating memory.
constexpr std::size_t max_request_bytes = std::size_t{1} << 20;

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw usage_error{"--profile: cannot open " + quote(path)};
  std::string text(max_request_bytes + 1, '\0');
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (file.bad()) throw usage_error{"--profile: cannot read " + quote(path)};
  text.resize(static_cast<std::size_t>(file.gcount()));
  if (text.size() > max_request_bytes) {
    throw usage_error{"--profile: " + quote(path) + " is larger than 1 MiB"};
  }
  return text;
}

// Reads one line without its '\n'; false at the end of the input. Of a line longer than
// max_request_bytes only the start is kept, and too_long is set.
bool read_line(std::istream& in, std::string& line, bool& too_long) {
  using traits = std::istream::traits_type;
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr) return false;
  bool any = false;
  for (;;) {
    const traits::int_type ch = buffer->sbumpc();
    if (traits::eq_int_type(ch, traits::eof())) return any;
    any = true;
    if (traits::to_char_type(ch) == '\n') return true;
    if (line.size() < max_request_bytes) {
      line.push_back(traits::to_char_type(ch));
    } else {
      too_long = true;
    }
  }
}

// The request of a single (not --batch) run: the profile file first, then the options.
request build_request(const CLI::App& app, const options& o) {
  const auto given = [&app](const char* name) { return app.count(name) > 0; };
  request req{};
  if (given("--profile")) {
    auto parsed = parse_json_request(read_file(o.profile_path));
    if (auto* error = std::get_if<parse_error>(&parsed)) {
      throw usage_error{"--profile " + quote(o.profile_path) + ": " + error->message};
    }
    req = std::move(std::get<request>(parsed));
  }
  if (given("--age")) req.person.age_years = number_option("--age", o.age);
  if (given("--weight")) req.person.weight_kg = gln::kilograms{number_option("--weight", o.weight)};
  for (const std::string& name : o.conditions) {
    req.person.conditions.insert(name_option<gln::condition>("--condition", "condition", name));
  }
  for (const std::string& name : o.medications) {
    req.person.medications.insert(name_option<gln::medication>("--medication", "medication", name));
  }
  for (const std::string& code : o.icd10) {
    if (auto error = add_icd10(req, code)) throw usage_error{"--icd10: " + error->message};
  }
  if (o.supervised) req.person.oversight = gln::oversight::clinician_supervised;
  if (given("--purpose"))
    req.purpose = name_option<gln::purpose>("--purpose", "purpose", o.purpose);
  if (!req.purpose) {
    throw usage_error{"--purpose is required (or a \"purpose\" in the --profile file)"};
  }

  if (given("--grams")) {
    const gln::grams per_dose{number_option("--grams", o.grams)};
    if (req.plan) {
      req.plan->per_dose = per_dose;  // keeps the profile file's doses and weeks
    } else {
      req.plan = gln::regimen{per_dose, 1, std::nullopt};
    }
  } else if (!req.plan && (given("--doses") || given("--weeks"))) {
    throw usage_error{"--doses and --weeks need --grams"};
  }
  if (given("--doses")) {
    const auto doses = parse_count(o.doses);
    if (!doses) throw usage_error{"--doses: " + quote(o.doses) + " is not a whole number"};
    req.plan->doses_per_day = *doses;
  }
  if (given("--weeks")) req.plan->weeks = number_option("--weeks", o.weeks);
  return req;
}

void reject_with_batch(const CLI::App& app) {
  for (const char* name :
       {"--profile", "--age", "--weight", "--condition", "--medication", "--icd10", "--supervised",
        "--purpose", "--grams", "--doses", "--weeks", "--fail-on"}) {
    if (app.count(name) > 0) {
      throw usage_error{std::string("--batch reads every request from stdin; ") + name +
                        " cannot be combined with it"};
    }
  }
}

// One output line per input line, flushed, so a pipe reader (Spark RDD.pipe, Hadoop
// Streaming, a ClickHouse executable UDF) sees each answer as soon as it is written. A bad
// line gives an error object on its own line and the batch goes on.
int run_batch(const options& o, std::ostream& out, std::istream& in) {
  std::string line;
  std::size_t number = 0;
  bool too_long = false;
  while (read_line(in, line, too_long)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string answer;
    try {
      auto parsed = too_long
                        ? std::variant<request, parse_error>{parse_error{"line longer than 1 MiB"}}
                        : parse_json_request(line);
      if (auto* error = std::get_if<parse_error>(&parsed)) {
        answer = error_json(*error, number, line);
      } else if (!std::get<request>(parsed).purpose) {
        answer = error_json(parse_error{"missing purpose"}, number, line);
      } else {
        answer = result_json(std::get<request>(parsed), -1, o.verbose);
      }
      if (!o.wrap.empty()) answer = wrap_json(o.wrap, answer);
    } catch (const std::exception& e) {
      answer = error_json(parse_error{"internal error: " + one_line(e.what())}, number, line);
    }
    out << answer << '\n' << std::flush;
    if (!out) return exit_io_error;
  }
  return exit_ok;
}

int run_single(const CLI::App& app, const options& o, std::ostream& out) {
  std::optional<gln::verdict> fail_on;
  if (app.count("--fail-on") > 0)
    fail_on = name_option<gln::verdict>("--fail-on", "verdict", o.fail_on);
  const request req = build_request(app, o);
  if (o.json) {
    out << result_json(req, 2, o.verbose) << '\n';
  } else {
    write_report(req, out, o.verbose);
  }
  out.flush();
  if (!out) return exit_io_error;
  if (fail_on && evaluate(req).overall >= *fail_on) return exit_verdict_at_or_above;
  return exit_ok;
}

int run_parsed(const CLI::App& app, const options& o, std::ostream& out, std::istream& in) {
  if (o.version) {
    out << "gln-check " << gln::version << "\nknowledge base v" << gln::knowledge_version
        << " (reviewed " << gln::knowledge_review_date << ")\n";
    return exit_ok;
  }
  if (app.count("--list") > 0) {
    if (!list(o.list, out)) {
      throw usage_error{"--list: " + quote(o.list) +
                        " is not one of purposes, conditions, medications, oversight, verdicts"};
    }
    return exit_ok;
  }
  if (!o.batch && app.count("--wrap") > 0) throw usage_error{"--wrap needs --batch"};
  if (o.batch) {
    reject_with_batch(app);
    return run_batch(o, out, in);
  }
  return run_single(app, o, out);
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, std::istream& in) {
  try {
    CLI::App app{"", "gln-check"};
    options o;
    configure(app, o);
    // CLI11 takes the arguments in reverse order; argv[0] is the program name.
    std::vector<std::string> args;
    for (int i = argc - 1; i >= 1 && argv != nullptr; --i)
      args.emplace_back(argv[i] != nullptr ? argv[i] : "");
    try {
      app.parse(std::move(args));
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
      out << app.help("", CLI::AppFormatMode::All);
      return exit_ok;
    } catch (const CLI::ParseError& e) {
      err << "gln-check: " << one_line(e.what()) << " (see gln-check --help)\n";
      return exit_usage;
    }
    return run_parsed(app, o, out, in);
  } catch (const usage_error& e) {
    err << "gln-check: " << one_line(e.message) << '\n';
    return exit_usage;
  } catch (const std::exception& e) {
    err << "gln-check: internal error: " << one_line(e.what()) << '\n';
    return exit_io_error;
  } catch (...) {
    err << "gln-check: internal error\n";
    return exit_io_error;
  }
}

}  // namespace gln_check

// docs/knowledge.svg: each purpose's self-directed daily range (§5) as a bar, against vertical
// lines at the defaults of three policy knobs (§12). Plain SVG text: no scripts, no external
// fonts; coordinates in tenths of a pixel, so the output is the same on every machine.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "reference.hpp"

namespace gln_reference {
namespace {

// A coordinate (never negative) with at most one decimal.
std::string px(double value) {
  const long tenths = std::lround(value * 10.0);
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
  return out;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '&') {
      out += "&amp;";
    } else if (ch == '<') {
      out += "&lt;";
    } else if (ch == '>') {
      out += "&gt;";
    } else {
      out += ch;
    }
  }
  return out;
}

struct bar {
  std::string purpose;
  double min = 0.0;
  double max = 0.0;
};

struct level {
  std::string knob;
  std::string label;
  double value = 0.0;
  std::string unit;
  const char* colour;
};

const json& knob(const json& model, const std::string& id) {
  for (const json& k : model["policy_knobs"]) {
    if (k["id"] == id) return k;
  }
  throw std::runtime_error("no policy knob " + id);
}

}  // namespace

std::string render_chart(const json& model) {
  std::vector<bar> bars;
  for (const json& d : model["doses"]) {
    if (d["access"] != "self_directed" || d["per_day"].is_null()) continue;
    bars.push_back({d["purpose"].get<std::string>(), d["per_day"]["min"].get<double>(),
                    d["per_day"]["max"].get<double>()});
  }
  std::vector<level> levels;
  const auto add_level = [&](const std::string& id, const std::string& label, const char* colour) {
    const json& row = knob(model, id);
    levels.push_back(
        {id, label, row["default"].get<double>(), row["unit"].get<std::string>(), colour});
  };
  add_level("observed_safe_level", "observed safe level", "#1b7837");
  add_level("self_directed_daily_ceiling", "self-directed ceiling", "#e08214");
  add_level("adult_maximum_daily", "adult maximum", "#b2182b");

  // The axis runs to the next multiple of 5 g/day past everything drawn.
  double top = 0.0;
  for (const bar& b : bars) top = std::max(top, b.max);
  for (const level& l : levels) top = std::max(top, l.value);
  const double axis_max = std::ceil((top + 1.0) / 5.0) * 5.0;

  const double width = 760.0;
  const double left = 190.0;
  const double right = 40.0;
  const double plot_top = 56.0;
  const double row_height = 30.0;
  const double plot_bottom = plot_top + row_height * static_cast<double>(bars.size());
  const double legend_top = plot_bottom + 64.0;
  const double legend_row = 18.0;
  const double height = legend_top + legend_row * static_cast<double>(levels.size() + 1);
  const auto x_of = [&](double grams) { return left + (width - left - right) * grams / axis_max; };
  const std::string version = model["knowledge_version"].dump();
  const char* bar_colour = "#4a7bb7";

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << px(width) << "\" height=\""
      << px(height) << "\" viewBox=\"0 0 " << px(width) << " " << px(height)
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg << "<title>Self-directed daily ranges against the safety levels, gln knowledge v" << version
      << "</title>\n";
  svg << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  svg << "<text x=\"" << px(left) << "\" y=\"24\" font-size=\"14\" font-weight=\"bold\">"
      << "Self-directed daily ranges against the safety levels (knowledge v" << version
      << ")</text>\n";

  // Grid and axis.
  for (double g = 0.0; g <= axis_max; g += 5.0) {
    const std::string x = px(x_of(g));
    svg << "<line x1=\"" << x << "\" y1=\"" << px(plot_top) << "\" x2=\"" << x << "\" y2=\""
        << px(plot_bottom) << "\" stroke=\"#e6e6e6\"/>\n";
    svg << "<text x=\"" << x << "\" y=\"" << px(plot_bottom + 18.0)
        << "\" text-anchor=\"middle\" fill=\"#444444\">" << number(g).dump() << "</text>\n";
  }
  svg << "<line x1=\"" << px(left) << "\" y1=\"" << px(plot_bottom) << "\" x2=\""
      << px(width - right) << "\" y2=\"" << px(plot_bottom) << "\" stroke=\"#444444\"/>\n";
  svg << "<text x=\"" << px(x_of(axis_max / 2.0)) << "\" y=\"" << px(plot_bottom + 38.0)
      << "\" text-anchor=\"middle\" fill=\"#444444\">g/day</text>\n";

  // One bar per purpose; a range of one value is drawn as a narrow bar at that value.
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const bar& b = bars[i];
    const double y = plot_top + row_height * static_cast<double>(i) + 8.0;
    double x1 = x_of(b.min);
    double x2 = x_of(b.max);
    if (x2 - x1 < 4.0) {
      x1 -= 2.0;
      x2 += 2.0;
    }
    const std::string range =
        b.min == b.max ? number(b.min).dump() : number(b.min).dump() + "-" + number(b.max).dump();
    svg << "<text x=\"" << px(left - 10.0) << "\" y=\"" << px(y + 11.0) << "\" text-anchor=\"end\">"
        << escaped(b.purpose) << "</text>\n";
    svg << "<rect x=\"" << px(x1) << "\" y=\"" << px(y) << "\" width=\"" << px(x2 - x1)
        << "\" height=\"14\" fill=\"" << bar_colour << "\"/>\n";
    svg << "<text x=\"" << px(x2 + 6.0) << "\" y=\"" << px(y + 11.0) << "\" fill=\"#444444\">"
        << range << "</text>\n";
  }

  // The safety levels: a dashed line each, its value above the plot, its name in the legend.
  const auto dash = [&svg](double x1, double y1, double x2, double y2, const char* colour) {
    svg << "<line x1=\"" << px(x1) << "\" y1=\"" << px(y1) << "\" x2=\"" << px(x2) << "\" y2=\""
        << px(y2) << "\" stroke=\"" << colour
        << "\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n";
  };
  for (const level& l : levels) {
    const double x = x_of(l.value);
    dash(x, plot_top - 4.0, x, plot_bottom, l.colour);
    svg << "<text x=\"" << px(x) << "\" y=\"" << px(plot_top - 10.0)
        << "\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"" << l.colour << "\">"
        << number(l.value).dump() << "</text>\n";
  }
  const double legend_x = left;
  svg << "<rect x=\"" << px(legend_x) << "\" y=\"" << px(legend_top - 10.0)
      << "\" width=\"24\" height=\"10\" fill=\"" << bar_colour << "\"/>\n";
  svg << "<text x=\"" << px(legend_x + 32.0) << "\" y=\"" << px(legend_top)
      << "\">a purpose's self-directed daily range (g/day)</text>\n";
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const level& l = levels[i];
    const double y = legend_top + legend_row * static_cast<double>(i + 1);
    dash(legend_x, y - 4.0, legend_x + 24.0, y - 4.0, l.colour);
    svg << "<text x=\"" << px(legend_x + 32.0) << "\" y=\"" << px(y) << "\">" << escaped(l.label)
        << ": " << number(l.value).dump() << " " << escaped(l.unit) << " (policy knob "
        << escaped(l.knob) << ")</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace gln_reference

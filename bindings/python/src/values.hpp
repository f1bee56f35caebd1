#ifndef GLN_PYTHON_VALUES_HPP
#define GLN_PYTHON_VALUES_HPP

// Python values as the JSON adapter's request rules read them. A Python value (a dict, a list,
// a string, a number, None) is copied into a value_tree, a small JSON-like tree, and
// gln::detail::request_reader (<gln/json/request.hpp>, the rules gln-check and from_json use)
// reads the tree through tree_source: every input of the Python API is held to the same rules
// and refused with the same messages, naming the field by its path. The copy is also what lets
// the batch read and screen its rows with the GIL released.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pybind11/pybind11.h>
#include <gln/gln.hpp>
#include <gln/json/request.hpp>

namespace gln_python {

namespace py = pybind11;
using gln::detail::json_kind;

// A Python value JSON cannot hold (a set, bytes, a key that is not a string), found while
// copying: `path` names where, as the request rules write a path ("codes[1].system").
struct conversion_error {
  std::string path;
  std::string message;
};

class value_tree {
 public:
  using index = std::uint32_t;

  struct node {
    json_kind kind = json_kind::null;
    bool is_integer = false;   // a Python int (its value in `integer` when it fits 64 bits)
    bool has_text = false;     // a string, or a number whose JSON text is kept in `text`
    double number = 0;         // a number (a boolean: 1 or 0)
    std::int64_t integer = 0;  // an int's value, for an id's text
    index text = 0;            // a string's UTF-8 or a number's text: text_[text, text + size)
    index text_size = 0;
    index key = 0;    // an object member's key: keys_[key]
    index first = 0;  // an array's elements or an object's members: nodes_[first, first + count)
    index count = 0;
  };

  void clear() noexcept {
    nodes_.clear();
    text_.clear();
    keys_.resize(fixed_keys_);
  }

  // Keys registered before any value (a batch's column names) survive clear().
  index fixed_key(std::string_view name) {
    keys_.emplace_back(name);
    fixed_keys_ = keys_.size();
    return static_cast<index>(keys_.size() - 1);
  }

  // A key of this tree's own (an argument's name), gone at clear().
  index add_key(std::string_view name) {
    keys_.emplace_back(name);
    return static_cast<index>(keys_.size() - 1);
  }

  // A new node for a value of its own (the top of a document).
  index add_root() {
    nodes_.emplace_back();
    return static_cast<index>(nodes_.size() - 1);
  }
  // `count` contiguous nodes for the members or elements of the node at `parent`.
  index add_children(index parent, json_kind kind, std::size_t count);

  // Copies a Python value into the node at `at`; throws conversion_error for a value JSON
  // cannot hold. Needs the GIL.
  void set(index at, py::handle value, int depth = 0);
  void set_null(index at) noexcept { reset(at); }
  void set_number(index at, double value);
  void set_key(index at, index key) noexcept { nodes_[at].key = key; }

  const node& operator[](index at) const noexcept { return nodes_[at]; }
  std::string_view text_of(const node& n) const noexcept {
    return std::string_view(text_).substr(n.text, n.text_size);
  }
  std::string_view key_of(const node& n) const noexcept { return keys_[n.key]; }

 private:
  void reset(index at) noexcept;  // a null, keeping its key
  void set_text(index at, std::string_view text);
  void set_object(index at, py::handle mapping, int depth);
  void set_array(index at, py::handle sequence, int depth);

  std::vector<node> nodes_;
  std::string text_;
  std::vector<std::string> keys_;
  std::size_t fixed_keys_ = 0;
};

// request_reader's source over a value_tree (the interface is described in request.hpp).
class tree_source {
 public:
  using value = value_tree::index;

  explicit tree_source(const value_tree& tree) noexcept : tree_(tree) {}

  bool kind(value& v, json_kind& out) noexcept {
    out = tree_[v].kind;
    return true;
  }
  bool string(value& v, std::string_view& out) noexcept {
    out = tree_.text_of(tree_[v]);
    return true;
  }
  bool number(value& v, double& out, std::string_view& raw) noexcept {
    const value_tree::node& n = tree_[v];
    out = n.number;
    raw = n.has_text ? tree_.text_of(n) : std::string_view{};
    return true;
  }
  // A string's or a number's JSON text.
  bool id_text(value& v, std::string_view& out);

  template <class F>
  bool fields(value& v, F&& f) {
    const value_tree::node& n = tree_[v];
    for (value_tree::index i = n.first; i < n.first + n.count; ++i) {
      value child = i;
      if (!f(tree_.key_of(tree_[i]), child)) return false;
    }
    return true;
  }
  template <class F>
  bool elements(value& v, F&& f) {
    const value_tree::node& n = tree_[v];
    for (value_tree::index i = n.first; i < n.first + n.count; ++i) {
      value child = i;
      if (!f(child)) return false;
    }
    return true;
  }

  // A tree is well-formed JSON by construction: its source never fails.
  std::string_view error() const noexcept { return "a value the reader cannot hold"; }
  std::string_view bad_value() const noexcept { return {}; }  // Python values, not JSON text

 private:
  const value_tree& tree_;
  std::string scratch_;
};

using tree_reader = gln::detail::request_reader<tree_source>;

// The InputError of the module (a ValueError): `field` the path, `message` what is wrong,
// `row` the batch row or None. Set once, when the module is made.
void set_input_error_type(py::handle type);

// Raises InputError for a refused value. `prefix` names the argument the reader read on its
// own ("regimen", "policy"), so the path reads as in a request ("regimen.grams_per_dose").
[[noreturn]] void raise_input_error(std::string_view prefix, const gln::request_error& error,
                                    std::optional<std::size_t> row = std::nullopt);
[[noreturn]] void raise_input_error(std::string_view field, std::string_view message,
                                    std::optional<std::size_t> row = std::nullopt);

// "field: message", or the message alone for the request as a whole.
std::string error_text(std::string_view field, std::string_view message);

// A path under another, as request paths read: "codes" and "[1].system" give
// "codes[1].system", "regimen" and "weeks" give "regimen.weeks".
std::string joined_path(std::string_view prefix, std::string_view field);

}  // namespace gln_python

#endif  // GLN_PYTHON_VALUES_HPP

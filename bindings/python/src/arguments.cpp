#include "arguments.hpp"

namespace gln_python {

template <class Read>
void call_arguments::read(std::string_view prefix, py::handle value, Read read_value) {
  tree_.clear();
  const value_tree::index root = tree_.add_root();
  fill(root, prefix, value);
  check(root, prefix, read_value);
}

void call_arguments::fill(value_tree::index at, std::string_view prefix, py::handle value) {
  try {
    tree_.set(at, value);
  } catch (const conversion_error& error) {
    raise_input_error(joined_path(prefix, error.path), error.message);
  }
}

template <class Read>
void call_arguments::check(value_tree::index root, std::string_view prefix, Read read_value) {
  tree_source source{tree_};
  gln::request_error error;
  tree_reader reader{source, request_, error};
  if (!read_value(reader, root)) raise_input_error(prefix, error);
}

void call_arguments::member(std::string_view key, py::handle value) {
  tree_.clear();
  const value_tree::index root = tree_.add_root();
  const value_tree::index at = tree_.add_children(root, json_kind::object, 1);
  tree_.set_key(at, tree_.add_key(key));
  fill(at, key, value);
  check(root, {}, [](tree_reader& reader, value_tree::index& top) { return reader.read(top); });
}

void call_arguments::profile(py::handle value) {
  if (value.is_none()) return;
  read({}, value, [](tree_reader& reader, value_tree::index& root) {
    return reader.read_object_of(root, tree_reader::is_profile_key,
                                 "a profile must be a JSON object");
  });
}

void call_arguments::purpose(py::handle value) { member("purpose", value); }

void call_arguments::oversight(py::handle value) { member("oversight", value); }

void call_arguments::regimen(py::handle value) {
  read("regimen", value, [](tree_reader& reader, value_tree::index& root) {
    return reader.read_regimen_object(root);
  });
}

void call_arguments::require(bool regimen) const {
  if (!request_.purpose) raise_input_error("purpose", "is required");
  if (regimen && !request_.plan) raise_input_error("regimen", "is required");
}

void call_arguments::policy(py::handle value, bool every_knob_applies) {
  if (value.is_none()) return;
  read("policy", value, [every_knob_applies](tree_reader& reader, value_tree::index& root) {
    return reader.read_policy_object(root, every_knob_applies);
  });
}

void call_arguments::request(py::handle value) {
  read({}, value, [](tree_reader& reader, value_tree::index& root) { return reader.read(root); });
}

}  // namespace gln_python

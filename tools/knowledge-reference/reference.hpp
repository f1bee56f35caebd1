// The knowledge reference: gln's constexpr tables as one JSON document (docs/knowledge.json),
// and the Markdown (docs/knowledge.md) and SVG chart (docs/knowledge.svg) rendered from it.
#ifndef GLN_TOOLS_KNOWLEDGE_REFERENCE_HPP
#define GLN_TOOLS_KNOWLEDGE_REFERENCE_HPP

#include <nlohmann/json.hpp>

#include <string>

namespace gln_reference {

using json = nlohmann::ordered_json;

// Every table, in the order of docs/knowledge.md; keys in a fixed order.
json knowledge_model();

// A number as both documents print it: a whole number without a fraction, any other as the
// shortest decimal that reads back as the same double.
json number(double value);

std::string render_markdown(const json& model);
std::string render_chart(const json& model);

}  // namespace gln_reference

#endif  // GLN_TOOLS_KNOWLEDGE_REFERENCE_HPP

// Writes the knowledge reference of gln's tables into a directory: knowledge.md, knowledge.json
// and knowledge.svg (the repository keeps them in docs/).
// Usage: gln_knowledge_reference OUTPUT_DIRECTORY
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "reference.hpp"

namespace {

// Writes `content` byte for byte (no newline translation); false on any error.
bool write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) std::cerr << "gln_knowledge_reference: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gln_knowledge_reference OUTPUT_DIRECTORY\n";
    return 2;
  }
  try {
    const std::filesystem::path dir(argv[1]);
    std::filesystem::create_directories(dir);
    const gln_reference::json model = gln_reference::knowledge_model();
    const bool ok = write_file(dir / "knowledge.md", gln_reference::render_markdown(model)) &&
                    write_file(dir / "knowledge.json", model.dump(2) + "\n") &&
                    write_file(dir / "knowledge.svg", gln_reference::render_chart(model));
    return ok ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << "gln_knowledge_reference: " << error.what() << "\n";
    return 1;
  }
}

// Fuzzes the tokeniser and sentence splitter with arbitrary (repaired) UTF-8 in both languages.
#include <cstddef>
#include <cstdint>

#include "base/utf8.h"
#include "fuzz/fuzz_util.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bron::Tokenizer nl("nl"), en("en"), neutral("");
  if (size > (1 << 16)) return 0;
  bron::Document doc;
  doc.text = bron::RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const bron::Tokenizer* t : {&nl, &en, &neutral}) {
    t->Tokenize(&doc);
    bron::fuzz::CheckDocument(doc);
  }
  return 0;
}

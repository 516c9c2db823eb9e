// Fuzzes one input reader, BRON_FUZZ_FORMAT (auto = sniffed, then text), and the whole pipeline after
// it. CMake builds one target per format: text_reader_fuzz, jsonl_reader_fuzz, conll_reader_fuzz,
// conllu_reader_fuzz.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "bron/pipeline.h"
#include "fuzz/fuzz_util.h"
#include "io/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<bron::Pipeline> pipeline = [] {
    std::unique_ptr<bron::Pipeline> p;
    if (!bron::Pipeline::Build({"tokenize"}, bron::PipelineOptions{}, &p).ok()) std::abort();
    return p;
  }();
  if (size > (1 << 16)) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  {
    for (bool lenient : {false, true}) {
      bron::ReaderOptions options;
      options.format = bron::InputFormat::BRON_FUZZ_FORMAT;
      options.lenient = lenient;
      bron::ParseInput("fuzz", bytes, options,
                       [](bron::Document&& doc) {
                         if (!pipeline->Process(doc).ok()) std::abort();
                         bron::fuzz::CheckDocument(doc);
                       },
                       [](const bron::Status& s) {
                         if (s.ok() || s.message().empty()) std::abort();
                       });
    }
  }
  return 0;
}

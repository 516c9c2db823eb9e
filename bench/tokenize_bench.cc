// Micro benchmarks of the text stages (Google Benchmark). The comparison with peers and the scaling
// runs are in bench/run; this measures bron's own hot paths in isolation.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "base/utf8.h"
#include "text/langid.h"
#include "text/tokenizer.h"

namespace {

std::string ExampleText() {
  std::ifstream in(BRON_SOURCE_DIR "/examples/seed.nl.txt");
  std::ostringstream s;
  s << in.rdbuf();
  std::string text;
  while (text.size() < (1u << 20)) text += s.str() + "\n";  // about 1 MB
  return text;
}

void BM_Tokenize(benchmark::State& state, const char* lang) {
  static const std::string text = ExampleText();
  bron::Tokenizer tokenizer(lang);
  bron::Document doc;
  size_t tokens = 0;
  for (auto _ : state) {
    doc.text = text;
    tokenizer.Tokenize(&doc);
    tokens += doc.tokens.size();
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(tokens));  // items = tokens
}
BENCHMARK_CAPTURE(BM_Tokenize, nl, "nl")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, en, "en")->Unit(benchmark::kMillisecond);

void BM_CheckUtf8(benchmark::State& state) {
  static const std::string text = ExampleText();
  for (auto _ : state) {
    bron::Utf8Problem p;
    benchmark::DoNotOptimize(bron::CheckUtf8(text, &p));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckUtf8);

void BM_IdentifyLanguage(benchmark::State& state) {
  static const std::string text = ExampleText().substr(0, 20000);
  bron::LanguageIdentifier id;
  for (auto _ : state) benchmark::DoNotOptimize(id.Identify(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IdentifyLanguage);

}  // namespace

BENCHMARK_MAIN();

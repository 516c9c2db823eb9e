// Stage: one step of the analysis. A stage is immutable once built and keeps its scratch space per call,
// so one instance serves every thread. The layers each stage reads and writes are declared beside its
// factory in src/pipeline/pipeline.cc; the Pipeline checks them when it is built.
#ifndef BRON_STAGE_H_
#define BRON_STAGE_H_

#include <string_view>

#include "bron/document.h"
#include "bron/status.h"

namespace bron {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Annotates `doc` in place. An error concerns this document only.
  virtual Status Process(Document& doc) const = 0;
};

}  // namespace bron

#endif  // BRON_STAGE_H_

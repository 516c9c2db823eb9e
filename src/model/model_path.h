// Where bron finds its model files: $BRON_MODELS, then models/ beside or above the binary, then the
// models/ folder of the source tree it was built from.
#ifndef BRON_MODEL_MODEL_PATH_H_
#define BRON_MODEL_MODEL_PATH_H_

#include <string>

#include "bron/status.h"

namespace bron {

// Finds `file` (e.g. "nl-tagger.bron"); the error lists the places looked in.
Status FindModel(const std::string& file, std::string* path);

}  // namespace bron

#endif  // BRON_MODEL_MODEL_PATH_H_

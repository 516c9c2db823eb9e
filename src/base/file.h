// Whole files into memory, for the small inputs of evaluations and tools (readers stream theirs).
#ifndef BRON_BASE_FILE_H_
#define BRON_BASE_FILE_H_

#include <string>

namespace bron {

// The bytes of the file at `path`; false if it cannot be opened or read.
bool ReadFile(const std::string& path, std::string* out);

}  // namespace bron

#endif  // BRON_BASE_FILE_H_

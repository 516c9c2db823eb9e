// Text fingerprints for near-duplicates and claim clustering.
//
//   SimHash(text)            64 bits over 4-word shingles: reprints and lightly edited copies of one
//                            report differ in a few bits (Hamming distance <= 3 is a near-duplicate).
//   ContentWords(text)       folded content words cut to 6 letters (a crude stem), stop words dropped:
//                            the vocabulary claims are compared by.
//   MinHash(words)           12 minimum hashes; bands of two give the keys of an LSH index, so that
//                            similar claims are found without comparing all pairs.
#ifndef BRON_LINK_FINGERPRINT_H_
#define BRON_LINK_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bron {

uint64_t SimHash(std::string_view text);
inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

// Sorted and unique.
std::vector<std::string> ContentWords(std::string_view text);

// The `n` most frequent content words (letters only, at least 4), most frequent first: what a report
// is about, for grouping stories.
std::vector<std::string> Keywords(std::string_view text, size_t n);

// |a ∩ b| / |a ∪ b| of two sorted unique vectors (0 when both are empty).
double Jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

constexpr int kMinHashes = 12;
constexpr int kMinHashRows = 2;  // rows per band: 6 bands
std::vector<uint64_t> MinHash(const std::vector<std::string>& words);
// "b<band>:<hex>" keys, one per band.
std::vector<std::string> MinHashBandKeys(const std::vector<uint64_t>& minhash);

uint64_t Hash64(std::string_view s, uint64_t seed = 0);

}  // namespace bron

#endif  // BRON_LINK_FINGERPRINT_H_

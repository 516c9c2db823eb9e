// Word-level feature hashes shared by the tagger and the entity recogniser, for training and tagging
// alike (they must agree exactly): the lower-cased form, its shape, prefixes and suffixes.
#ifndef BRON_TAG_WORD_FEATURES_H_
#define BRON_TAG_WORD_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bron {

struct WordInfo {
  std::string lower;        // lower-cased form
  uint64_t form = 0;        // hash of the form as written
  uint64_t lower_hash = 0;
  uint64_t shape = 0;       // hash of the short shape: "Xx", "d.d", "X-d"
  uint64_t suffix[5] = {};  // last 1..5 code points of `lower`
  uint64_t prefix[3] = {};  // first 1..3 code points of `lower`
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // two letters or more, all upper case
  bool has_digit = false;
  bool has_hyphen = false;
  bool participle_like = false;  // ge…d / ge…t / ge…en: a Dutch past participle, or English …ed
  bool participle_after = false;  // some later word of the sentence is participle_like
  uint16_t cluster_coarse = 0xFFFF;  // WordClusters of the lower-cased form (0xFFFF: unknown or none)
  uint16_t cluster_fine = 0xFFFF;
  // Second pass: what the first pass saw later in the clause (VerbsAhead bits).
  uint8_t verbs_ahead = 0;
  // The same, earlier in the clause ("dat hij het boek gelezen heeft"); for tag sets with clause-
  // opening conjunctions only (Dutch CGN: its verb-final clauses), else has_verbs_behind is false.
  uint8_t verbs_behind = 0;
  bool has_verbs_behind = false;
  // NameWords bits, when the model has name lists (has_name_words).
  uint8_t name_bits = 0;
  bool has_name_words = false;
};


class WordClusters;

void DescribeWord(std::string_view form, WordInfo* info);
// Describes every word of a sentence, with the facts that need the whole sentence.
// `clusters` may be null.
void DescribeSentence(const std::vector<std::string_view>& words, const WordClusters* clusters,
                      std::vector<WordInfo>* info);

// A sentence boundary marker for context features.
const WordInfo& BoundaryWord();

}  // namespace bron

#endif  // BRON_TAG_WORD_FEATURES_H_

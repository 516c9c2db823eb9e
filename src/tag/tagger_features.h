// The features of the part-of-speech tagger for one token, given the two tags before it (greedy
// left-to-right decoding). Shared by training and tagging.
#ifndef BRON_TAG_TAGGER_FEATURES_H_
#define BRON_TAG_TAGGER_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tag/word_features.h"

namespace bron {

constexpr uint32_t kNoTag = 0xFFFF;

// `ahead`, when given, holds a first pass's tags for the whole sentence: the second pass also sees
// the tags to the right. Returns how many of the features, at the front, depend on the word alone
// (its form, affixes, shape and clusters): their score can be kept per word (LinearModel::ScoreCached).
size_t TaggerFeatures(const std::vector<WordInfo>& words, size_t i, uint32_t prev, uint32_t prev2,
                    const std::vector<uint32_t>* ahead, std::vector<uint64_t>* out);

// The first pass's tag set: each label cut to its UPOS and the first two fields of its XPOS, three for
// verbs ("NOUN\tN|soort|ev|basis|zijd|stan" => "NOUN\tN|soort", "VERB\tWW|pv|verl|mv" => "VERB\tWW|pv|verl"):
// what the second pass looks at ahead (verb forms, conjunctions, nouns against names) in a quarter of the
// labels, and so of the work. `fine_to_coarse[l]` is label l's coarse one. A tag set without fields
// (English PTB) comes back as it is.
std::vector<std::string> CoarseLabels(const std::vector<std::string>& labels, std::vector<uint32_t>* fine_to_coarse);

// What a tag says for MarkVerbsAhead: 1 finite verb, 2 participle, 4 infinitive, 8 predicate adjective,
// 16 a (Dutch) conjunction that opens a clause (Dutch CGN and English PTB tags, "UPOS\tXPOS").
std::vector<uint8_t> VerbKinds(const std::vector<std::string>& labels);
// Sets WordInfo::verbs_ahead from a first pass's tags: the participles, infinitives and adjectives up
// to the next finite verb ("werd … gebouwd": an auxiliary; "werd … bekend": a main verb); and
// verbs_behind, back to the clause's start, when the tag set marks conjunctions.
void MarkVerbsAhead(const std::vector<uint32_t>& tags, const std::vector<uint8_t>& kinds, std::vector<WordInfo>* words);

}  // namespace bron

#endif  // BRON_TAG_TAGGER_FEATURES_H_

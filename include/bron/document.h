// Document: the one object every stage reads and annotates in place.
//
// `text` is UTF-8; every span inside bron is a pair of *byte* offsets into it (end exclusive). Writers
// convert them to the code point offsets of the bron/1 schema (docs/output.md) on the way out.
// A Document is a plain value: cheap to move, owned by whoever runs the pipeline over it.
#ifndef BRON_DOCUMENT_H_
#define BRON_DOCUMENT_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bron {

// What separated a token from the one before it.
enum class Gap : uint8_t {
  kNone = 0,       // glued to the previous token ("zei" and "." in "zei.")
  kSpace = 1,      // spaces or tabs
  kNewline = 2,    // one line break
  kParagraph = 3,  // a blank line (or the start of the text)
};

// Universal POS tags (UD v2), and none before tagging.
enum class Upos : uint8_t {
  kNone, kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym,
  kVerb, kX,
};
std::string_view UposName(Upos upos);  // "ADJ", ...; "_" for kNone
Upos ParseUpos(std::string_view name);  // kNone when unknown

// Named-entity tags in IOB2: O, then B- and I- for PER, ORG, LOC, MISC.
enum class NerTag : uint8_t { kO, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kBMisc, kIMisc };
constexpr int kNerTagCount = 9;
std::string_view NerTagName(NerTag tag);  // "O", "B-PER", ...
NerTag ParseNerTag(std::string_view name);  // kO when unknown
inline bool NerIsBegin(NerTag t) { return t != NerTag::kO && (static_cast<int>(t) % 2) == 1; }
inline std::string_view NerType(NerTag t) {  // "PER", "ORG", "LOC", "MISC", or "" for O
  static constexpr std::string_view kTypes[] = {"", "PER", "ORG", "LOC", "MISC"};
  return kTypes[(static_cast<int>(t) + 1) / 2];
}

struct Token {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t sentence = 0;  // index into Document::sentences
  Gap gap = Gap::kSpace;
  Upos upos = Upos::kNone;
  NerTag ner = NerTag::kO;
  uint32_t xpos = 0;   // Document::strings id, 0 = none
  uint32_t lemma = 0;  // Document::strings id, 0 = none
};

// Interned strings of one document (tags, lemmas): id 0 is the empty string.
class StringPool {
 public:
  StringPool() : strings_(1) {}
  StringPool(const StringPool& other) { *this = other; }
  StringPool& operator=(const StringPool& other) {
    strings_ = other.strings_;
    ids_.clear();
    for (uint32_t i = 1; i < strings_.size(); ++i) ids_.emplace(strings_[i], i);
    return *this;
  }
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  uint32_t Intern(std::string_view s) {
    if (s.empty()) return 0;
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    strings_.emplace_back(s);
    uint32_t id = static_cast<uint32_t>(strings_.size() - 1);
    ids_.emplace(strings_.back(), id);
    return id;
  }
  std::string_view Get(uint32_t id) const { return strings_[id]; }

 private:
  std::deque<std::string> strings_;  // a deque keeps the views in ids_ valid as it grows
  std::unordered_map<std::string_view, uint32_t> ids_;
};

struct Sentence {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
};

// A CoNLL-U multiword token ("didn't" over the words "did" and "n't"), kept to write the input back.
struct MultiwordToken {
  uint32_t first_token = 0;  // tokens [first_token, end_token) are its words
  uint32_t end_token = 0;
  std::string form;
  std::string misc;
};

// One referent of the document (a person, organisation, place or other name) with all its mentions.
struct Mention {
  uint32_t start = 0, end = 0;              // byte offsets into Document::text
  uint32_t first_token = 0, end_token = 0;  // tokens [first_token, end_token)
};
struct Entity {
  std::string id;    // "E1", "E2", ... in order of first mention
  std::string type;  // PER, ORG, LOC, MISC
  std::string name;  // canonical name (English where known), else the longest mention
  std::vector<Mention> mentions;
  std::vector<std::string> roles;  // "stafchef", "speciale gezant"
};

// A number the text states, normalised ("rond 420 drones" => 420, approx, count, counted "drones").
struct Quantity {
  uint32_t start = 0, end = 0;  // byte offsets into Document::text
  std::optional<double> value;  // null for a range without a single value
  std::optional<double> low, high;
  std::string bound = "exact";  // exact | approx | min | max | range | vague
  std::string kind = "count";   // count | money | percent | fraction | duration | measure
  std::string unit;             // ISO 4217 for money, "%" or "pp" for percent, "hour", "km" ...; empty if none
  std::string counted;          // the noun counted, where stated
};

// A time expression, resolved against the publication date ("Vorige maand" => 2026-01).
struct TimeExpression {
  uint32_t start = 0, end = 0;       // byte offsets into Document::text
  std::optional<std::string> value;  // ISO 8601: "2026-02-26", "2026-01", "2025", "2026-W08", "P4Y"; null if unanchored
  std::string kind = "date";         // date | duration
};

// Something a careful reader should know about the source text ("De Kremlin": machine translation).
struct Flag {
  std::string kind;  // mt_artifact
  uint32_t start = 0, end = 0;  // byte offsets into Document::text
  std::string note;
};

// A span of `text` (byte offsets, end exclusive) used by quotes, claims and events.
struct TextSpan {
  uint32_t start = 0, end = 0;
};

// Reported speech, thought or writing ("“…”, zei hij"). Indices refer to Document::entities; -1 = none.
struct Quote {
  std::string kind = "direct";    // direct | indirect | mixed | fragment
  uint32_t start = 0, end = 0;    // the content, without quote marks
  std::optional<TextSpan> cue;    // "zei", "aldus", "volgens", "voegde … toe" (the first word of a split cue)
  std::optional<TextSpan> speaker;  // the mention in the text ("hij", "de socioloog", "Budanov")
  int speaker_entity = -1;        // the resolved referent, -1 when the text never names it
};

// A later statement about a claim: "De Kremlin heeft de opmerkingen niet bevestigd".
struct Response {
  int by = -1;                    // entity index, -1 = unresolved
  std::string stance;             // confirmed | denied | not_confirmed | disputed
  uint32_t start = 0, end = 0;    // the responding statement
};

// A proposition the text puts forward, with who stands behind it and how firmly.
struct Claim {
  uint32_t start = 0, end = 0;
  int source = -1;                // entity index; -1 = the publication's own voice or an unnamed source
  std::optional<TextSpan> source_text;  // "een senior assistent van president Zelensky"
  std::string certainty = "asserted";   // asserted | reported | estimated | possible | conditional | negated
  std::vector<TextSpan> cues;     // the words that set the certainty or the attribution
  int quote = -1;                 // index into Document::quotes
  std::vector<Response> responses;
};

// Something that happened or was said to happen, with its participants (indices; -1 = none).
struct Event {
  std::string type;               // attack | talks | demand | propose | accept | reject | promise | sanction
                                  // | aid | deploy | statement
  TextSpan trigger;
  int actor = -1, target = -1;    // entity indices
  std::vector<int> places;        // entity indices
  int time = -1;                  // index into Document::times
  std::vector<int> quantities;    // indices into Document::quantities
  std::string certainty = "asserted";
};

// A message about one document that is not an error: the document was still analysed.
struct Note {
  std::string stage;
  std::string message;
};

struct Document {
  std::string id;
  std::string lang;  // ISO 639-1 ("nl", "en"), "other", or empty until identified
  std::optional<std::string> title, url, site, author, published;
  std::string text;

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // Set by readers of pre-tokenised input (CoNLL, CoNLL-U): the tokeniser keeps tokens and sentences.
  bool pretokenized = false;
  // Word forms that differ from their span of `text` (the words of a multiword token).
  std::unordered_map<uint32_t, std::string> form_overrides;
  std::vector<MultiwordToken> multiword_tokens;
  // Per sentence, the comment lines of a CoNLL-U input ("# sent_id = …"), written back as they were.
  std::vector<std::vector<std::string>> sentence_comments;

  std::vector<Entity> entities;
  std::vector<Quantity> quantities;
  std::vector<TimeExpression> times;
  std::vector<Flag> flags;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
  std::vector<Event> events;

  std::vector<Note> notes;
  StringPool strings;  // xpos and lemma of tokens

  std::string_view Span(uint32_t start, uint32_t end) const {
    return std::string_view(text).substr(start, end - start);
  }
  std::string_view Form(uint32_t token) const {
    auto it = form_overrides.find(token);
    if (it != form_overrides.end()) return it->second;
    return Span(tokens[token].start, tokens[token].end);
  }
};

}  // namespace bron

#endif  // BRON_DOCUMENT_H_

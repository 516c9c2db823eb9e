#include "attribution/speaker_ranker.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "model/linear_model.h"

namespace bron {
namespace {

SpeakerCandidate Candidate(int entity, std::initializer_list<const char*> features) {
  SpeakerCandidate c;
  c.entity = entity;
  for (const char* f : features) c.features.push_back(FeatureHash(1, f));
  return c;
}

// Choices where the right candidate is the one named just before ("near"), whatever the rules said.
void MakeChoices(std::vector<SpeakerChoice>* choices, std::vector<std::vector<bool>>* right) {
  for (int i = 0; i < 40; ++i) {
    SpeakerChoice c;
    bool rules_right = i % 4 != 0;  // the rules err on every fourth
    c.candidates.push_back(Candidate(1, {"near", "type=PER", rules_right ? "rules" : "x"}));
    c.candidates.push_back(Candidate(2, {"far", "type=PER", rules_right ? "x" : "rules"}));
    c.candidates.push_back(Candidate(-1, {"none"}));
    c.rules = rules_right ? 0 : 1;
    choices->push_back(c);
    right->push_back({true, false, false});
  }
}

TEST(SpeakerRanker, LearnsWhichCandidateIsRight) {
  std::vector<SpeakerChoice> choices;
  std::vector<std::vector<bool>> right;
  MakeChoices(&choices, &right);
  // A choice with no right candidate teaches nothing (and does not break training).
  choices.push_back(choices.front());
  right.push_back({false, false, false});
  SpeakerRanker ranker = SpeakerRanker::Train(choices, right, {});
  SpeakerChoice fresh;
  fresh.candidates.push_back(Candidate(7, {"far", "type=PER", "rules"}));
  fresh.candidates.push_back(Candidate(8, {"near", "type=PER"}));
  fresh.candidates.push_back(Candidate(-1, {"none"}));
  EXPECT_EQ(ranker.Choose(fresh), 1u);
  EXPECT_GT(ranker.Score(fresh.candidates[1]), ranker.Score(fresh.candidates[2]));
}

// Full-batch training: the same choices in another order give the same weights (up to float rounding).
TEST(SpeakerRanker, TrainingDoesNotDependOnTheOrderOfTheChoices) {
  std::vector<SpeakerChoice> choices;
  std::vector<std::vector<bool>> right;
  MakeChoices(&choices, &right);
  SpeakerRanker forward = SpeakerRanker::Train(choices, right, {});
  std::reverse(choices.begin(), choices.end());
  std::reverse(right.begin(), right.end());
  SpeakerRanker backward = SpeakerRanker::Train(choices, right, {});
  ASSERT_EQ(forward.size(), backward.size());
  for (const SpeakerChoice& choice : choices) {
    for (const SpeakerCandidate& c : choice.candidates) EXPECT_NEAR(forward.Score(c), backward.Score(c), 1e-4);
  }
}

TEST(SpeakerRanker, RoundTripsThroughAModelFile) {
  std::vector<SpeakerChoice> choices;
  std::vector<std::vector<bool>> right;
  MakeChoices(&choices, &right);
  SpeakerRanker trained = SpeakerRanker::Train(choices, right, {});
  ModelFile file;
  file.meta = {{"kind", "speakers"}, {"lang", "nl"}};
  trained.Serialize(&file);
  ModelFile read;
  ASSERT_TRUE(ModelFile::Parse(file.Serialize(), &read).ok());
  std::unique_ptr<SpeakerRanker> loaded;
  ASSERT_TRUE(SpeakerRanker::FromModelFile(read, "nl", &loaded).ok());
  EXPECT_EQ(loaded->size(), trained.size());
  for (const SpeakerCandidate& c : choices[0].candidates) EXPECT_FLOAT_EQ(loaded->Score(c), trained.Score(c));
}

TEST(SpeakerRanker, RejectsOtherModelsAndDamagedWeights) {
  std::unique_ptr<SpeakerRanker> loaded;
  ModelFile file;
  file.meta = {{"kind", "ner"}, {"lang", "nl"}};
  EXPECT_NE(SpeakerRanker::FromModelFile(file, "nl", &loaded).message().find("expected 'speakers'"), std::string::npos);
  file.meta["kind"] = "speakers";
  EXPECT_NE(SpeakerRanker::FromModelFile(file, "en", &loaded).message().find("expected 'en'"), std::string::npos);
  EXPECT_NE(SpeakerRanker::FromModelFile(file, "nl", &loaded).message().find("no SPKR section"), std::string::npos);
  ByteWriter w;
  w.U64(3);  // three weights announced, one given
  w.U64(42);
  w.F32(1.5f);
  file.sections["SPKR"] = w.bytes();
  EXPECT_NE(SpeakerRanker::FromModelFile(file, "nl", &loaded).message().find("malformed"), std::string::npos);
  EXPECT_EQ(loaded, nullptr);
}

}  // namespace
}  // namespace bron

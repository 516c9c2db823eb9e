// The subcommands of the bron binary. Each registers its flags on the CLI11 app and returns a
// function that runs it and yields the exit status (0 ok, 1 some inputs failed, 2 usage).
#ifndef BRON_CLI_COMMANDS_H_
#define BRON_CLI_COMMANDS_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "bron/pipeline.h"

namespace bron {

using CommandRunner = std::function<int()>;

CommandRunner AddAnalyzeCommand(CLI::App& app);
CommandRunner AddEvalCommand(CLI::App& app);
CommandRunner AddEvalHtmlCommand(CLI::App& eval);  // `bron eval html`, under the eval command
CommandRunner AddIngestCommand(CLI::App& app);
CommandRunner AddTrainCommand(CLI::App& app, int argc, char** argv);
// bron stats, search, entities, stories, ledger: the commands that read the store, by name.
std::vector<std::pair<std::string, CommandRunner>> AddStoreCommands(CLI::App& app);
CommandRunner AddServeCommand(CLI::App& app);

// The pipeline for a --stages value ("tokenize,tag"; empty: every stage), a --lang value and a --speakers
// value (PipelineOptions::speakers).
Status BuildPipeline(const std::string& stages_list, const std::string& lang, std::unique_ptr<Pipeline>* out,
                     const std::string& speakers = "");

// Adds --stages to a command: one comma-separated string (a CLI11 list option would also swallow the
// input files after it), read by BuildPipeline.
void AddStagesOption(CLI::App* cmd, std::string* stages_list);
// Adds --speakers: who chooses the Dutch speakers the text does not name in a quote's clause.
void AddSpeakersOption(CLI::App* cmd, std::string* speakers);

// Prints "bron: message" on stderr.
void PrintError(const std::string& message);

}  // namespace bron

#endif  // BRON_CLI_COMMANDS_H_

// The subcommands of the bron binary. Each registers its flags on the CLI11 app and returns a
// function that runs it and yields the exit status (0 ok, 1 some inputs failed, 2 usage).
#ifndef BRON_CLI_COMMANDS_H_
#define BRON_CLI_COMMANDS_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace bron {

using CommandRunner = std::function<int()>;

CommandRunner AddAnalyzeCommand(CLI::App& app);
CommandRunner AddEvalCommand(CLI::App& app);
CommandRunner AddEvalHtmlCommand(CLI::App& eval);  // `bron eval html`, under the eval command
CommandRunner AddIngestCommand(CLI::App& app);
CommandRunner AddTrainCommand(CLI::App& app, int argc, char** argv);

// Prints "bron: message" on stderr.
void PrintError(const std::string& message);

}  // namespace bron

#endif  // BRON_CLI_COMMANDS_H_

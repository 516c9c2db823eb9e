// bron: who claims what, how sure, with which numbers. See README.md and `bron --help`.
#include <csignal>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace bron {

void PrintError(const std::string& message) { std::fprintf(stderr, "bron: %s\n", message.c_str()); }

void AddStagesOption(CLI::App* cmd, std::string* stages_list) {
  std::string known;
  for (std::string_view s : Pipeline::KnownStages()) known += (known.empty() ? "" : ", ") + std::string(s);
  cmd->add_option("--stages", *stages_list,
                  "Comma-separated stages to run, with the stages they need (default: all): " + known);
}

void AddSpeakersOption(CLI::App* cmd, std::string* speakers) {
  cmd->add_option("--speakers", *speakers,
                  "Dutch speakers the text does not name in a quote's clause: chosen by a speaker model file, or "
                  "'rules' for the rules alone (default models/nl-speakers.bron)");
}

Status BuildPipeline(const std::string& stages_list, const std::string& lang, std::unique_ptr<Pipeline>* out,
                     const std::string& speakers) {
  std::vector<std::string> stages;
  for (size_t pos = 0; pos < stages_list.size();) {
    size_t comma = stages_list.find(',', pos);
    std::string name = stages_list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (!name.empty()) stages.push_back(name);
    pos = comma == std::string::npos ? stages_list.size() : comma + 1;
  }
  if (stages.empty()) {
    for (std::string_view name : Pipeline::KnownStages()) stages.emplace_back(name);
  }
  PipelineOptions options;
  options.lang = lang;
  options.speakers = speakers;
  return Pipeline::Build(stages, options, out);
}

}  // namespace bron

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error we report, not a silent death
  CLI::App app{"bron: turns news into structured, sourced facts (quotes, claims, numbers, dates)", "bron"};
  app.set_version_flag("--version", "bron 0.1.0");
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, bron::CommandRunner>> commands;
  bron::CommandRunner analyze = bron::AddAnalyzeCommand(app);
  bron::CommandRunner eval = bron::AddEvalCommand(app);
  bron::CommandRunner eval_html = bron::AddEvalHtmlCommand(*app.get_subcommand("eval"));
  bron::CommandRunner ingest = bron::AddIngestCommand(app);
  bron::CommandRunner train = bron::AddTrainCommand(app, argc, argv);
  auto store_commands = bron::AddStoreCommands(app);
  bron::CommandRunner serve = bron::AddServeCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (app.got_subcommand("analyze")) return analyze();
  if (app.got_subcommand("ingest")) return ingest();
  if (app.got_subcommand("eval") && app.get_subcommand("eval")->got_subcommand("html")) return eval_html();
  if (app.got_subcommand("eval")) return eval();
  if (app.got_subcommand("train")) return train();
  if (app.got_subcommand("serve")) return serve();
  for (auto& [name, run] : store_commands) {
    if (app.got_subcommand(name)) return run();
  }
  return 2;
}

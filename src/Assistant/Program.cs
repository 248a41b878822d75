using Mixwright.Assistant.Cli;

return CliApp.Run(args);

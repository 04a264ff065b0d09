using Migrate.Cli;
using Migrate.Cli.Console;

return await MigrateCli.RunAsync(args, new SystemConsole(), Environment.GetEnvironmentVariable, CancellationToken.None);

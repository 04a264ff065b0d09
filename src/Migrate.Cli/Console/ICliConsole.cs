namespace Migrate.Cli.Console;

/// <summary>The console behind a small interface so command tests can read exact output and exit codes.</summary>
public interface ICliConsole
{
    /// <summary>Data and --json output.</summary>
    TextWriter Out { get; }

    /// <summary>Logs, summaries, errors and progress.</summary>
    TextWriter Log { get; }

    /// <summary>True when stderr is a terminal, so progress bars make sense.</summary>
    bool ErrorIsTerminal { get; }
}

public sealed class SystemConsole : ICliConsole
{
    public TextWriter Out => System.Console.Out;
    public TextWriter Log => System.Console.Error;
    public bool ErrorIsTerminal => !System.Console.IsErrorRedirected;
}

/// <summary>Captures output in memory (tests).</summary>
public sealed class BufferedConsole : ICliConsole
{
    public StringWriter OutBuffer { get; } = new();
    public StringWriter ErrorBuffer { get; } = new();
    public TextWriter Out => OutBuffer;
    public TextWriter Log => ErrorBuffer;
    public bool ErrorIsTerminal => false;
}

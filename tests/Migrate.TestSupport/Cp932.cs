using System.Text;

namespace Migrate.TestSupport;

/// <summary>
/// Shift_JIS as Windows writes it (code page 932), taken from the code-pages provider directly so a
/// test never registers a provider for the whole process.
/// </summary>
public static class Cp932
{
    /// <summary>Throws on a character or byte CP932 has not: test data must be exactly what the test says.</summary>
    public static Encoding Strict { get; } = CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>Replaces what CP932 has not (the provider's default), as <c>Encoding.GetEncoding(932)</c> does.</summary>
    public static Encoding Lenient { get; } = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
}

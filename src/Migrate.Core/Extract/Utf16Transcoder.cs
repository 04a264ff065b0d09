using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Text;
using Migrate.Core.Work;

namespace Migrate.Core.Extract;

/// <summary>
/// Copies a UTF-16 file to UTF-8 (owner-only: it holds the same personal data), strictly: a lone
/// surrogate stops with the line it is on. <c>utf-16</c> follows the byte order mark
/// (little-endian without one); a file with neither a mark nor any NUL byte early on is refused as
/// probably not UTF-16 at all.
/// </summary>
internal static class Utf16Transcoder
{
    public static async Task TranscodeAsync(string sourcePath, string encoding, string utf8Path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var fileName = Path.GetFileName(sourcePath);
        await using var input = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[Math.Min(4096, input.Length)];
        await input.ReadExactlyAsync(head, cancellationToken);
        input.Position = 0;
        var bigEndian = encoding.EndsWith("be", StringComparison.OrdinalIgnoreCase);
        var bom = 0;
        if (head is [0xFF, 0xFE, ..]) { bigEndian = false; bom = 2; }
        else if (head is [0xFE, 0xFF, ..]) { bigEndian = true; bom = 2; }
        else if (head.Length >= 2 && Array.IndexOf(head, (byte)0) < 0)
        {
            // Guess from whole lines only, so that a multi-byte character cut at the end of the block does not mislead.
            var lastNewline = Array.LastIndexOf(head, (byte)'\n');
            var suggestion = EncodingGuess.Suggest(head.AsSpan(0, lastNewline > 0 ? lastNewline : head.Length), "utf-16");
            throw MigrateException.DataError($"{fileName}: line 1 is not valid UTF-16: it has no byte order mark and no NUL byte; is the file {LegacyEncodings.DisplayName(suggestion ?? "cp932")}?");
        }
        input.Position = bom;
        var strict = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        using var reader = new StreamReader(input, strict, detectEncodingFromByteOrderMarks: false, 1 << 16);
        await using var writer = new StreamWriter(PrivateFiles.Create(utf8Path), new UTF8Encoding(false), 1 << 16);
        var buffer = new char[1 << 15];
        long lines = 1;
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                lines += buffer.AsSpan(0, read).Count('\n');
            }
        }
        catch (DecoderFallbackException)
        {
            throw MigrateException.DataError($"{fileName}: line {lines} (or the block of text read with it) is not valid {(bigEndian ? "UTF-16BE" : "UTF-16LE")}: a lone surrogate or an odd number of bytes; check the 'encoding' of the source in the mapping");
        }
    }
}

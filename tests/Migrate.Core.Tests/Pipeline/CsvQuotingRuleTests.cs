using System.Globalization;
using System.Text;
using CsvHelper;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>The one quoting rule of the files Core writes is CsvHelper's default, whether asked per field or remembered per column.</summary>
public sealed class CsvQuotingRuleTests
{
    // Every case of CsvHelper's default rule, and near misses it must not quote.
    private static readonly string?[] Fields =
    [
        null, "", " ", "a ", " a", "a b", "a,b", ",", "a\"b", "\"", "a\rb", "a\nb", "\r\n", "\t", "a\t",
        "漢字", "山田　太郎", "　", "a\u3000", "ｱｲｳ", "辻\U000E0100", "x;y", "'q'", "a\u0085b", "a\u2028b",
    ];

    // Each field three times: again as the same string (remembered), then as an equal copy (compared, not scanned).
    private static IEnumerable<string?> Repeated => Fields.SelectMany(f => new[] { f, f, f is null ? null : new string(f.AsSpan()) });

    private static string Ours(Func<int, string?, bool> quote)
    {
        using var bytes = new MemoryStream();
        using (var csv = new Utf8CsvWriter(bytes, leaveOpen: true))
        {
            foreach (var field in Repeated)
            {
                csv.WriteField(field, quote(0, field));
                csv.WriteField("end", quote(1, "end"));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Theirs()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var field in Repeated)
            {
                csv.WriteField(field);
                csv.WriteField("end");
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Writes_the_same_bytes_as_CsvHelpers_default_configuration()
    {
        var memo = new RepeatedFields<char, bool>(2);
        var ours = Ours((_, field) => Utf8CsvWriter.NeedsQuotes(field));
        var remembered = Ours((column, field) =>
        {
            if (memo.TryGet(column, field, out var quote)) return quote;
            quote = Utf8CsvWriter.NeedsQuotes(field);
            memo.Set(column, field.AsMemory(), quote);
            return quote;
        });
        var theirs = Theirs();

        ours.ShouldBe(theirs);
        remembered.ShouldBe(theirs);
        ours.ShouldContain("\"a,b\",end");
        ours.ShouldContain("\" a\",end");
        ours.ShouldContain("a b,end");
    }
}

using System.Globalization;
using CsvHelper;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

public sealed class IntermediateCsvTests
{
    // Every case of CsvHelper's default rule, and near misses it must not quote.
    private static readonly string?[] Fields =
    [
        null, "", " ", "a ", " a", "a b", "a,b", ",", "a\"b", "\"", "a\rb", "a\nb", "\r\n", "\t", "a\t",
        "漢字", "山田　太郎", "　", "a\u3000", "ｱｲｳ", "辻\U000E0100", "x;y", "'q'", "a\u0085b", "a\u2028b",
    ];

    private static string Write(Func<TextWriter, CsvWriter> create, Action<CsvWriter, int, string?> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = create(text))
        {
            // Each field three times: again as the same string (remembered), then as an equal copy (scanned again).
            foreach (var field in Fields.SelectMany(f => new[] { f, f, f is null ? null : new string(f.AsSpan()) }))
            {
                write(csv, 0, field);
                write(csv, 1, "end");
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Writes_the_same_bytes_as_CsvHelpers_default_configuration()
    {
        var memo = new QuotingMemo(2);
        var ours = Write(IntermediateCsv.Writer, (csv, _, field) => csv.WriteField(field));
        var direct = Write(IntermediateCsv.Writer, (csv, column, field) => csv.WriteField(field, memo.ShouldQuote(column, field)));
        var theirs = Write(w => new CsvWriter(w, CultureInfo.InvariantCulture), (csv, _, field) => csv.WriteField(field));

        ours.ShouldBe(theirs);
        direct.ShouldBe(theirs);
        ours.ShouldContain("\"a,b\",end");
        ours.ShouldContain("\" a\",end");
        ours.ShouldContain("a b,end");
    }
}

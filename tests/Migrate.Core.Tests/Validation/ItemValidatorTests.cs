using Migrate.Core.Standard;
using Migrate.Core.Validation;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Validation;

public sealed class ItemValidatorTests
{
    private static readonly StandardItem Number = new("rireki_no", "履歴番号", "history number", ItemType.Integer, null, true, null, 0,
        CharRule.Any, null, false, false, null, default!);

    [Theory]
    [InlineData("12", "12")]
    [InlineData("007", "7")]
    [InlineData("+5", "5")]
    [InlineData("-0", "0")]
    [InlineData("-42", "-42")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    public void Integers_come_out_canonical(string mapped, string canonical)
    {
        string? value = mapped;
        var problems = new List<Migrate.Core.Diagnostics.Problem>();

        new ItemValidator(Number, null).Validate(ref value, problems);

        value.ShouldBe(canonical);
        problems.ShouldBeEmpty();
    }

    private static StandardItem Item(ItemType type, CharRule chars) =>
        new("x", "項目", "item", type, null, false, null, 0, chars, null, false, false, null, default!);

    // Values a mapping could produce, several of which need CSV quotes.
    private static readonly string[] Candidates =
    [
        "0", "1", "12", " 12", "12 ", "-3", "1.5", " 1.5", "1,5", "2024-02-29", " 2024-02-29", "2024-02-29 ",
        "123456", "12 34", "1\"2", "ヤマダ　タロウ", "ヤマダ タロウ", " ヤマダ", "ヤマダ,タロウ", "ｱｲｳ", "a b", " a", "a\r\nb", "\"q\"",
    ];

    [Theory]
    [InlineData(ItemType.Integer, CharRule.Any, true)]
    [InlineData(ItemType.Decimal, CharRule.Any, true)]
    [InlineData(ItemType.Flag, CharRule.Any, true)]
    [InlineData(ItemType.Date, CharRule.Any, true)]
    [InlineData(ItemType.String, CharRule.Digits, true)]
    [InlineData(ItemType.String, CharRule.Katakana, true)]
    [InlineData(ItemType.String, CharRule.Ascii, false)]
    [InlineData(ItemType.String, CharRule.Standard, false)]
    [InlineData(ItemType.String, CharRule.Any, false)]
    public void A_validator_that_says_its_values_need_no_quotes_accepts_none_that_do(ItemType type, CharRule chars, bool unquoted)
    {
        var validator = new ItemValidator(Item(type, chars), null);
        validator.AcceptsOnlyUnquotedCsv.ShouldBe(unquoted);

        var accepted = new List<string>();
        foreach (var candidate in Candidates)
        {
            string? value = candidate;
            var problems = new List<Migrate.Core.Diagnostics.Problem>();
            validator.Validate(ref value, problems);
            if (problems.Count == 0 && value is not null) accepted.Add(value);
        }

        accepted.ShouldNotBeEmpty();
        if (unquoted) accepted.ShouldAllBe(v => !Utf8CsvWriter.NeedsQuotes(v));
        else accepted.ShouldContain(v => Utf8CsvWriter.NeedsQuotes(v));
    }
}

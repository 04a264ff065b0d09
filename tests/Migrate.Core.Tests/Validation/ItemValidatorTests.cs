using Migrate.Core.Standard;
using Migrate.Core.Validation;

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
}

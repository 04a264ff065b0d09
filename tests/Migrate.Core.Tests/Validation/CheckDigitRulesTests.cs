using Migrate.Core.Standard;
using Migrate.Core.Validation;

namespace Migrate.Core.Tests.Validation;

public sealed class CheckDigitRulesTests
{
    [Theory]
    [InlineData("123456789018", true)]
    [InlineData("123456789017", false)]
    [InlineData("12345678901", false)]
    [InlineData("12345678901A", false)]
    public void My_number(string value, bool valid) => CheckDigitRules.IsValidMyNumber(value).ShouldBe(valid);

    [Fact]
    public void My_number_remainder_0_or_1_gives_check_0()
    {
        // 00000000000: sum 0, remainder 0 → check 0.
        CheckDigitRules.IsValidMyNumber("000000000000").ShouldBeTrue();
        // 00000000006: 6·2 = 12, remainder 1 → check 0.
        CheckDigitRules.IsValidMyNumber("000000000060").ShouldBeTrue();
        CheckDigitRules.IsValidMyNumber("000000000061").ShouldBeFalse();
    }

    [Theory]
    [InlineData("131016", true)]
    [InlineData("011002", true)]
    [InlineData("271004", true)]
    [InlineData("131017", false)]
    [InlineData("13101", false)]
    public void Local_government_code(string value, bool valid) => CheckDigitRules.IsValidLocalGovernmentCode(value).ShouldBe(valid);

    [Theory]
    [InlineData("0000000019", true)]   // 1·2 = 2, remainder 2 → check 9
    [InlineData("0000000018", false)]
    [InlineData("0000000060", true)]   // 6·2 = 12, remainder 1 → check 0
    public void Modulus11_weights_2_to_7(string value, bool valid) => CheckDigitRules.IsValidModulus11(value).ShouldBe(valid);
}

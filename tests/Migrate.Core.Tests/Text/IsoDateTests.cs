using Migrate.Core.Text;

namespace Migrate.Core.Tests.Text;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("1989-01-07", true)]
    [InlineData("1989-13-01", false)]
    [InlineData("1989-00-10", false)]
    [InlineData("1989-01-00", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("1989/01/07", false)]
    [InlineData("1989-1-07", false)]
    [InlineData("1989-01-07 ", false)]
    [InlineData("１９８９-01-07", false)]
    public void Reads_only_real_dates_in_the_standard_form(string text, bool valid)
    {
        IsoDate.TryParse(text, out var date).ShouldBe(valid);
        if (valid) date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(text);
    }
}

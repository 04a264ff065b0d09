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
        // The same from UTF-8 bytes, as mapped files hold dates.
        IsoDate.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var fromBytes).ShouldBe(valid);
        fromBytes.ShouldBe(date);
    }

    [Fact]
    public void Reads_back_every_date_it_writes_from_bytes()
    {
        Span<byte> buffer = stackalloc byte[10];
        for (var day = DateOnly.MinValue.DayNumber; day <= DateOnly.MaxValue.DayNumber; day += 97)
        {
            var date = DateOnly.FromDayNumber(day);
            IsoDate.TryParse(IsoDate.Utf8(date, buffer), out var read).ShouldBeTrue();
            read.ShouldBe(date);
        }
    }

    [Fact]
    public void Writes_every_date_as_the_general_formatter_does()
    {
        // Every day from 0001 to 9999 would be slow; every 97th day still hits every month, day and year length.
        Span<byte> buffer = stackalloc byte[10];
        for (var day = DateOnly.MinValue.DayNumber; day <= DateOnly.MaxValue.DayNumber; day += 97)
        {
            var date = DateOnly.FromDayNumber(day);
            var expected = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            IsoDate.Format(date).ShouldBe(expected);
            System.Text.Encoding.ASCII.GetString(IsoDate.Utf8(date, buffer)).ShouldBe(expected);
        }
    }
}

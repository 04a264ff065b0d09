using Migrate.Core.Map;
using Migrate.Core.Transforms;

namespace Migrate.Core.Tests.Transforms;

/// <summary><c>date:</c> (西暦) keeps 暦上日以外 as the wareki transform does, where the item allows it.</summary>
public sealed class GregorianDateTransformTests
{
    private static (bool Ok, Cell Cell, string? Code, string? Message) Apply(GregorianDateTransform transform, string value)
    {
        var ok = transform.TryApply(new Cell(value), new RowScope(new Dictionary<string, int>(), new Observations()), out var cell, out var problem);
        return (ok, cell, problem?.Code, problem?.Message);
    }

    [Theory]
    [InlineData("yyyyMMdd", "19900215", "1990-02-15")]
    [InlineData("yyyy/MM/dd", "2000/02/29", "2000-02-29")]
    public void A_date_on_the_calendar_becomes_ISO(string pattern, string value, string iso)
    {
        var (ok, cell, _, _) = Apply(new GregorianDateTransform(pattern, "生年月日", keepsUnknown: true), value);

        ok.ShouldBeTrue();
        cell.Value.ShouldBe(iso);
        cell.DateUnknown.ShouldBeFalse();
    }

    [Theory]
    [InlineData("yyyyMMdd", "19900230", "1990年2月30日")]
    [InlineData("yyyy-MM-dd", "2001-04-31", "2001年4月31日")]
    [InlineData("yyyyMMdd", "19000229", "1900年2月29日")]
    public void A_date_not_on_the_calendar_is_kept_as_unknown_with_its_wording(string pattern, string value, string wording)
    {
        var (ok, cell, _, _) = Apply(new GregorianDateTransform(pattern, "生年月日", keepsUnknown: true), value);

        ok.ShouldBeTrue();
        cell.Value.ShouldBeNull();
        cell.DateUnknown.ShouldBeTrue();
        cell.UnknownText.ShouldBe(wording);
    }

    [Fact]
    public void An_item_without_unknown_companions_rejects_it_saying_why()
    {
        var (ok, _, code, message) = Apply(new GregorianDateTransform("yyyyMMdd", "届出年月日", keepsUnknown: false), "19900230");

        ok.ShouldBeFalse();
        code.ShouldBe("date.invalid");
        message.ShouldBe("1990年2月30日 does not exist, and 届出年月日 cannot hold a date that is not on the calendar (暦上日以外)");
    }

    [Theory]
    [InlineData("19901301")]   // month 13
    [InlineData("19900232")]   // day 32
    [InlineData("19900200")]   // day 0: a 不詳 form this transform is not told about
    [InlineData("1990023")]    // too short
    [InlineData("1990O230")]   // a letter
    public void Anything_else_stays_an_invalid_date(string value)
    {
        var (ok, cell, code, message) = Apply(new GregorianDateTransform("yyyyMMdd", "生年月日", keepsUnknown: true), value);

        ok.ShouldBeFalse();
        cell.DateUnknown.ShouldBeFalse();
        code.ShouldBe("date.invalid");
        message.ShouldBe("not a valid date in the form yyyyMMdd");
    }
}

namespace Migrate.Samples;

/// <summary>SEINENGAPPI as recorded: GYYMMDD, the letter form, 00 for unknown parts, a day off the calendar, or typed 不詳 text.</summary>
internal static class BirthDate
{
    public static void Write(CsvByteWriter w, Resident p)
    {
        switch (p.Form)
        {
            case BirthForm.Letter:
                Wareki.WriteLetter(w, p.Birth);
                break;
            case BirthForm.DayUnknown or BirthForm.MonthUnknown:
                var date = DateOnly.FromDayNumber(p.Birth);
                var (era, year) = Wareki.Of(p.Birth, date.Year);
                Wareki.WriteParts(w, era, year, p.Form == BirthForm.DayUnknown ? date.Month : 0, 0);
                break;
            case BirthForm.AllUnknown:
                Wareki.WriteParts(w, 0, 0, 0, 0);
                break;
            case BirthForm.NonCalendar:
                var born0 = DateOnly.FromDayNumber(p.Birth);
                var (ncEra, ncYear, ncMonth, ncDay) = Wareki.NotOnCalendar(p.Birth)
                    ?? (Wareki.Of(p.Birth, born0.Year).Era, Wareki.Of(p.Birth, born0.Year).Year, born0.Month, 0);
                Wareki.WriteParts(w, ncEra, ncYear, ncMonth, ncDay);
                break;
            case BirthForm.AboutYear or BirthForm.MonthWritten:
                var born = DateOnly.FromDayNumber(p.Birth);
                var (bornEra, bornYear) = Wareki.Of(p.Birth, born.Year);
                w.Raw(Cp932.Encode(p.Form == BirthForm.AboutYear
                    ? $"{Wareki.Name(bornEra)}{Wareki.FullWidthYear(bornYear)}年頃"
                    : $"{Wareki.Name(bornEra)}{Wareki.YearText(bornYear)}年{born.Month}月日不詳"));
                break;
            default:
                Wareki.Write(w, p.Birth);
                break;
        }
    }
}

package com.alphaquant.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calendar effects (日历效应) of one price series: the returns it had by weekday, by month of the
 * year and by quarter, each group with its mean, sample standard deviation, t-statistic
 * ({@code mean / (stdev / √n)}) and share of positive returns.
 * <ul>
 *   <li>By weekday: every close-to-close return, under the weekday of the day it ends on (a
 *       return across a holiday or a suspension is that of the day trading resumed).</li>
 *   <li>By month: each calendar month's compounded return (its last close over the close before
 *       it), under its month of the year; by quarter likewise. Only whole months and quarters
 *       count: the series must hold a close before the period starts and cover it to its last
 *       day, so a range starting on 2021-01-04 counts no January 2021 and one ending on
 *       2022-12-20 no December 2022. A period without a single close of its own (a stock
 *       suspended all month) does not count either.</li>
 * </ul>
 * Every group is present, in calendar order; an empty one has {@code n = 0} and null figures.
 *
 * @param observations daily returns, the sum of the weekday groups' n
 * @param months       whole months counted
 * @param quarters     whole quarters counted
 */
public record CalendarEffects(int observations, int months, int quarters, List<Group> byWeekday, List<Group> byMonth,
                              List<Group> byQuarter) {

    /**
     * One group's figures; {@code mean} and {@code positiveShare} are null without returns,
     * {@code stdev} below two, {@code t} also when the returns are all equal (stdev 0).
     *
     * @param key weekday 1 (Monday) to 5, month 1 to 12, quarter 1 to 4
     */
    public record Group(int key, String label, int n, Double mean, Double stdev, Double t, Double positiveShare) {

        static Group of(int key, String label, List<Double> returns) {
            int n = returns.size();
            if (n == 0) {
                return new Group(key, label, 0, null, null, null, null);
            }
            double sum = 0;
            int positive = 0;
            for (double r : returns) {
                sum += r;
                positive += r > 0 ? 1 : 0;
            }
            double mean = sum / n;
            Double stdev = null;
            Double t = null;
            if (n > 1) {
                double squares = 0;
                for (double r : returns) {
                    squares += (r - mean) * (r - mean);
                }
                stdev = Math.sqrt(squares / (n - 1));
                t = stdev > 0 ? mean / (stdev / Math.sqrt(n)) : null;
            }
            return new Group(key, label, n, mean, stdev, t, (double) positive / n);
        }
    }

    public CalendarEffects {
        byWeekday = List.copyOf(byWeekday);
        byMonth = List.copyOf(byMonth);
        byQuarter = List.copyOf(byQuarter);
    }

    /**
     * The calendar effects of a series of closes (adjusted, so that a return is a holder's).
     *
     * @param dates          trading days, strictly increasing, none on a weekend
     * @param closes         the close of each day, positive
     * @param coveredThrough the last day the series stands for (a range's end): a month or quarter
     *                       ending after it is not whole
     */
    public static CalendarEffects of(List<LocalDate> dates, double[] closes, LocalDate coveredThrough) {
        validate(dates, closes, coveredThrough);
        List<List<Double>> weekdays = groups(5);
        Map<YearMonth, Double> monthGrowth = new LinkedHashMap<>();
        for (int i = 1; i < closes.length; i++) {
            double growth = closes[i] / closes[i - 1];
            weekdays.get(dates.get(i).getDayOfWeek().getValue() - 1).add(growth - 1);
            monthGrowth.merge(YearMonth.from(dates.get(i)), growth, (a, b) -> a * b);
        }
        LocalDate first = dates.isEmpty() ? coveredThrough : dates.get(0);
        List<List<Double>> months = groups(12);
        Map<YearMonth, Double> quarterGrowth = new LinkedHashMap<>(); // keyed by the quarter's first month
        monthGrowth.forEach((month, growth) -> {
            YearMonth quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
            quarterGrowth.merge(quarter, growth, (a, b) -> a * b);
            if (whole(first, month, month, coveredThrough)) {
                months.get(month.getMonthValue() - 1).add(growth - 1);
            }
        });
        List<List<Double>> quarters = groups(4);
        quarterGrowth.forEach((quarter, growth) -> {
            // A quarter's month without a close of its own is one of no change: the quarter still compounds.
            if (whole(first, quarter, quarter.plusMonths(2), coveredThrough)) {
                quarters.get((quarter.getMonthValue() - 1) / 3).add(growth - 1);
            }
        });
        List<Group> byWeekday = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            byWeekday.add(Group.of(d, DayOfWeek.of(d).getDisplayName(TextStyle.SHORT, Locale.ENGLISH), weekdays.get(d - 1)));
        }
        List<Group> byMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.add(Group.of(m, java.time.Month.of(m).getDisplayName(TextStyle.SHORT, Locale.ENGLISH), months.get(m - 1)));
        }
        List<Group> byQuarter = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            byQuarter.add(Group.of(q, "Q" + q, quarters.get(q - 1)));
        }
        return new CalendarEffects(Math.max(0, closes.length - 1), count(byMonth), count(byQuarter), byWeekday, byMonth, byQuarter);
    }

    /** Whether the series holds a close before {@code from} starts and covers {@code to} to its last day. */
    private static boolean whole(LocalDate first, YearMonth from, YearMonth to, LocalDate coveredThrough) {
        return first.isBefore(from.atDay(1)) && !to.atEndOfMonth().isAfter(coveredThrough);
    }

    private static int count(List<Group> groups) {
        return groups.stream().mapToInt(Group::n).sum();
    }

    private static List<List<Double>> groups(int n) {
        List<List<Double>> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        return groups;
    }

    private static void validate(List<LocalDate> dates, double[] closes, LocalDate coveredThrough) {
        if (dates.size() != closes.length) {
            throw new IllegalArgumentException(dates.size() + " dates but " + closes.length + " closes");
        }
        if (coveredThrough == null) {
            throw new IllegalArgumentException("coveredThrough is required");
        }
        for (int i = 0; i < closes.length; i++) {
            LocalDate day = dates.get(i);
            if (day.getDayOfWeek().getValue() > 5) {
                throw new IllegalArgumentException(day + " is a " + day.getDayOfWeek() + ": A-shares do not trade then");
            }
            if (i > 0 && !day.isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("dates must increase: " + day + " follows " + dates.get(i - 1));
            }
            if (!(closes[i] > 0) || !Double.isFinite(closes[i])) {
                throw new IllegalArgumentException("the close of " + day + " must be a positive price, got " + closes[i]);
            }
        }
        if (!dates.isEmpty() && dates.get(dates.size() - 1).isAfter(coveredThrough)) {
            throw new IllegalArgumentException("the series ends on " + dates.get(dates.size() - 1) + ", after coveredThrough "
                    + coveredThrough);
        }
    }
}

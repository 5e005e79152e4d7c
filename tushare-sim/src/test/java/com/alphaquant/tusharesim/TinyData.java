package com.alphaquant.tusharesim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small Tushare-format files for tests: 3 stocks × 5 days (one suspended day), a calendar, stock_basic. */
final class TinyData {

    /** Rows of daily.csv: 14 (300750.SZ has no row on 20230105). */
    static final int DAILY_ROWS = 14;

    private TinyData() {
    }

    static Path write(Path dir) throws IOException {
        // shuffled on purpose, two ISO dates, adj_factor_rel for the derived adj_factor
        Files.writeString(dir.resolve("daily.csv"), String.join("\n",
                "ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount,adj_factor_rel",
                "600000.SH,20230104,7.2,7.3,7.1,7.25,7.2,0.05,0.6944,100000.5,72000.25,1.0",
                "000001.SZ,20230103,13.2,13.8,13.1,13.77,13.16,0.61,4.6353,2194127.9,2971546.2,0.5",
                "000001.SZ,2023-01-04,13.71,14.42,13.63,14.32,13.77,0.55,3.9942,2189682.53,3110729.35,0.5",
                "000001.SZ,20230105,14.4,14.4,14.08,14.18,14.32,-0.14,-0.9777,1665425.18,2367418.62,0.5",
                "000001.SZ,20230106,14.5,14.5,14.1,14.2,14.18,0.02,0.141,1195745.71,1697904.37,1.0",
                "000001.SZ,20230109,14.75,14.88,14.5,14.8,14.2,0.6,4.2254,1057659.11,1561808.76,1.0",
                "600000.SH,20230103,7.1,7.25,7.05,7.2,7.08,0.12,1.6949,200000,142000,1.0",
                "600000.SH,20230105,7.25,7.3,7.2,7.22,7.25,-0.03,-0.4138,90000,65000,1.0",
                "600000.SH,20230106,7.22,7.3,7.2,7.28,7.22,0.06,0.831,80000,58000,1.0",
                "600000.SH,2023-01-09,7.28,7.4,7.25,7.35,7.28,0.07,0.9615,70000,51000,1.0",
                "300750.SZ,20230103,395,400,390,398.5,394,4.5,1.1421,50000,1990000,2.0",
                "300750.SZ,20230104,398.5,410,396,409,398.5,10.5,2.6349,60000,2450000,2.0",
                "300750.SZ,20230106,409,412,400,401,409,-8,-1.956,55000,2205000,2.5",
                "300750.SZ,20230109,401,405,399,404,401,3,0.7481,40000,1616000,2.5",
                "") );
        gzip(dir.resolve("stock_basic.csv.gz"), String.join("\n",
                "ts_code,symbol,name,area,industry,list_date,market,exchange",
                "000001.SZ,000001,平安银行,深圳,银行,19910403,主板,SZSE",
                "300750.SZ,300750,宁德时代,福建,电气设备,20180611,创业板,SZSE",
                "600000.SH,600000,浦发银行,上海,银行,19991110,主板,SSE",
                "830799.BJ,830799,艾融软件,上海,,20190712,北交所,BSE",
                ""));
        StringBuilder cal = new StringBuilder("exchange,cal_date,is_open,pretrade_date\n");
        String[] open = {"0", "0", "1", "1", "1", "1", "0", "0", "1", "1"};
        String prev = "20221230";
        for (int d = 1; d <= 10; d++) {
            String date = String.format("202301%02d", d);
            cal.append("SSE,").append(date).append(',').append(open[d - 1]).append(',').append(prev).append('\n');
            if (open[d - 1].equals("1")) {
                prev = date;
            }
        }
        Files.writeString(dir.resolve("trade_cal_SSE_202301.csv"), cal.toString());
        return dir;
    }

    static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}

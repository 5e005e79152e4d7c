package com.alphaquant.data.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A listed stock from Tushare {@code stock_basic}. */
@Entity
@Table(name = "security")
public class Security {

    @Id
    @Column(name = "ts_code")
    private String tsCode;
    private String name;
    private String industry;
    private String market;
    private String board;
    @Column(name = "list_date")
    private LocalDate listDate;

    protected Security() {
    }

    public Security(String tsCode, String name, String industry, String market, String board, LocalDate listDate) {
        this.tsCode = tsCode;
        this.name = name;
        this.industry = industry;
        this.market = market;
        this.board = board;
        this.listDate = listDate;
    }

    public String getTsCode() {
        return tsCode;
    }

    public String getName() {
        return name;
    }

    public String getIndustry() {
        return industry;
    }

    public String getMarket() {
        return market;
    }

    public String getBoard() {
        return board;
    }

    public LocalDate getListDate() {
        return listDate;
    }
}

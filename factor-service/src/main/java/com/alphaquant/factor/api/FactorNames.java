package com.alphaquant.factor.api;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.mined.MinedFormula;
import com.alphaquant.factor.mined.MinedFormulaStore;
import com.alphaquant.factor.mined.MinedNames;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a values request asks for: the 24 built-ins in SPEC order, then mined formulas in
 * the order asked. Only a name of the mined form ({@code ALPHA_<8 hex>}) is looked up in the
 * database, so a request for built-ins alone is served while PostgreSQL is down.
 */
final class FactorNames {

    /** @param mined the mined formulas asked for, parsed, in the order of {@code names} after the built-ins */
    record Selection(List<String> names, List<Expr> mined) {

        /** Each name's column in a panel of the 24 followed by the mined formulas ({@link FactorComputer}). */
        int[] columns() {
            int builtins = names.size() - mined.size();
            int[] columns = new int[names.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = i < builtins ? FactorAnalysis.column(names.get(i)) : FactorComputer.FACTORS.size() + i - builtins;
            }
            return columns;
        }
    }

    private final MinedFormulaStore store;

    FactorNames(MinedFormulaStore store) {
        this.store = store;
    }

    /** Absent means all 24 built-ins. */
    Selection select(String field, String text) {
        if (text == null || text.isBlank()) {
            return new Selection(FactorRegistry.names(), List.of());
        }
        Set<String> builtins = new LinkedHashSet<>();
        Set<String> mined = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (FactorRegistry.names().contains(name)) {
                builtins.add(name);
            } else if (MinedNames.looksMined(name)) {
                mined.add(name);
            } else {
                throw unknown(field, name);
            }
        }
        if (builtins.isEmpty() && mined.isEmpty()) {
            throw new BadRequestException(field, "lists no factor name");
        }
        Map<String, MinedFormula> found = store.find(mined);
        List<String> names = new ArrayList<>(FactorRegistry.names().stream().filter(builtins::contains).toList());
        List<Expr> formulas = new ArrayList<>();
        for (String name : mined) {
            MinedFormula f = found.get(name);
            if (f == null) {
                throw unknown(field, name);
            }
            names.add(name);
            formulas.add(FunctionForm.parse(f.formula()));
        }
        return new Selection(List.copyOf(names), List.copyOf(formulas));
    }

    private static BadRequestException unknown(String field, String name) {
        return new BadRequestException(field, "unknown factor " + Problems.quote(name) + ", expected one of " + FactorRegistry.names()
                + " or a mined formula's name (ALPHA_…, GET /api/factors/catalog)");
    }
}

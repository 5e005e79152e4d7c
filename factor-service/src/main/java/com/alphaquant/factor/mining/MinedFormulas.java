package com.alphaquant.factor.mining;

import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.mine.MiningReport;
import com.alphaquant.factor.mined.MinedFormula;
import com.alphaquant.factor.mined.MinedNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a finished run leaves: the job's result, libs/alpha's {@link MiningReport} with each
 * formula's name added (the name it is asked for by), and a {@code mined_formula} record per
 * member of the pool.
 */
record MinedFormulas(ObjectNode result, List<MinedFormula> records) {

    static MinedFormulas of(MiningReport report, List<String> universe, UUID jobId, JsonMapper json) {
        ObjectNode result = json.valueToTree(report);
        Map<String, Object> range = new LinkedHashMap<>(json.convertValue(report.data(), Map.class));
        range.put("universe", universe.isEmpty() ? "all" : universe);
        result.set("data", json.valueToTree(range));
        String dataRange = json.writeValueAsString(range);
        String versions = json.writeValueAsString(report.versions());
        List<MinedFormula> records = new ArrayList<>();
        for (int i = 0; i < report.formulas().size(); i++) {
            MiningReport.Formula f = report.formulas().get(i);
            String name = MinedNames.of(FunctionForm.parse(f.formula()));
            ((ObjectNode) result.get("formulas").get(i)).put("name", name);
            records.add(new MinedFormula(name, f.formula(), f.rpn(), report.method(), report.seed(), f.weight(),
                    json.writeValueAsString(f.metrics()), f.maxBuiltinCorrelation(), f.closestBuiltin(), dataRange, versions, jobId,
                    null));
        }
        return new MinedFormulas(result, records);
    }
}

package com.alphaquant.model.data;

import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetSpec;
import java.util.Collection;

/** Where the model's datasets come from: data-service's stored bars, or the bundled sample. */
public interface ModelData {

    /** What this source is, for the registry and messages. */
    String describe();

    /**
     * The dataset of {@code tsCodes} (all the source has when empty) with samples dated in the
     * spec's range; bars before it serve as history.
     *
     * @throws IllegalArgumentException when there are no bars there
     */
    Dataset build(DatasetSpec spec, Collection<String> tsCodes);
}

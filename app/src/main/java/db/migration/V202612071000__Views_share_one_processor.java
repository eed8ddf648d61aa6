package db.migration;

import io.sourced.query.FormerViewTokens;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The views' groups, once processors of their own, now follow the log in one: see {@link FormerViewTokens#merge}. */
public class V202612071000__Views_share_one_processor extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        FormerViewTokens.merge(context.getConnection());
    }
}

-- Insurance and claims (Coverage, ExplanationOfBenefit) is a new record category that nobody imports until they
-- turn it on: everyone's saved settings get it switched off (codes are comma-separated, sorted).
update record_settings set disabled_categories = case when disabled_categories = '' then 'insurance_claims'
    else disabled_categories || ',insurance_claims' end
    where disabled_categories not like '%insurance_claims%';

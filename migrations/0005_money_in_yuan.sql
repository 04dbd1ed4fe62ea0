-- why: a cooperation project's investment (万元, up to four decimals) was a REAL, so
-- sums carried binary fractions (0.1 + 0.2 万元 came to 0.30000000000000004) and a
-- figure read back was not always the figure typed. Money is now an exact whole number
-- of its smallest unit, 元 (0.0001 万元): `investment_yuan INTEGER`, summed as integers
-- and shown in 万元 as before. Existing values are converted with ROUND(x * 10000).
-- SQLite (≥ 3.35) drops a column that no index, view or other constraint names: the
-- indexes of 0002 and 0004 on coop_project cover other columns, and its only CHECK on
-- `investment` is the column's own.

ALTER TABLE coop_project ADD COLUMN investment_yuan INTEGER
    CHECK (investment_yuan IS NULL OR investment_yuan >= 0);    -- 元; NULL when not given
UPDATE coop_project SET investment_yuan = CAST(ROUND(investment * 10000) AS INTEGER)
    WHERE investment IS NOT NULL;
ALTER TABLE coop_project DROP COLUMN investment;

ALTER TABLE "tpp_results" DROP CONSTRAINT "tpp_results_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "tpp_results" DROP CONSTRAINT "tpp_results_opd_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "tpp_results" DROP CONSTRAINT "tpp_results_position_id_positions_id_fk";

"""The simulated ClassIn school behind `simulate` and `--demo`.

school.generate_day (pure: pushes + ground truth), delivery.run_day / deliver
(ClassIn's queue and retry rules over HTTP), faults.Faults, cli (the command).
"""

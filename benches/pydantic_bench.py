"""The reference: the pydantic models of orq-ai-sdk==3.11.7 on the payloads the runtime bench
reads (benches/benches/runtime.rs), timed with timeit, best of REPEAT runs, in microseconds.

Run by benches/pydantic.sh, which finds a Python with the SDK installed. Arguments: the
shared folder (payloads/batch/ inside it) and the repository's benches/data/chat folder.
(Not named `pydantic.py`: the script's folder comes first on `sys.path`, where that name
would shadow pydantic itself.)
"""

import glob
import os
import platform
import sys
import timeit

import pydantic
import pydantic_core
from orq_ai_sdk import models

REPEAT = 7
# Each timing runs the statement enough times to last about 0.2 s.
TARGET_SECONDS = 0.2


def best_us(fn):
    """The best time of one call of fn over REPEAT runs, in microseconds."""
    timer = timeit.Timer(fn)
    number, elapsed = timer.autorange()
    number = max(1, int(number * TARGET_SECONDS / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=REPEAT, number=number)) / number * 1e6


def bench(model, label, paths):
    for path in sorted(paths):
        raw = open(path, "rb").read()
        value = model.model_validate_json(raw)
        validate = best_us(lambda: model.model_validate_json(raw))
        dump = best_us(lambda: value.model_dump_json(by_alias=True))
        name = os.path.splitext(os.path.basename(path))[0]
        print(f"{label}/{name}\t{len(raw)}\t{validate:.2f}\t{dump:.2f}")


def main():
    shared, chat = sys.argv[1], sys.argv[2]
    print(f"# python {platform.python_version()}, pydantic {pydantic.VERSION}, pydantic-core {pydantic_core.__version__}")
    print("# payload\tbytes\tmodel_validate_json (us)\tmodel_dump_json (us)")
    batch = glob.glob(os.path.join(shared, "payloads", "batch", "*.json"))
    if batch:
        bench(models.CancelBatchResponseBody, "batch", batch)
    else:
        print(f"skipped: batch payloads {os.path.join(shared, 'payloads', 'batch')} absent")
    bench(models.CreateChatCompletionRequestBody, "chat", glob.glob(os.path.join(chat, "*.json")))


if __name__ == "__main__":
    main()
